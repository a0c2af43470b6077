package io.vigil.policy.apikey;

import io.smallrye.mutiny.Uni;
import io.vigil.console.ApiKeys;
import io.vigil.console.ProblemException;
import io.vigil.console.keys.ManagedKeySecret;
import io.vigil.console.rest.Page;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.apikey.ApiKeyRecord;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.policy.audit.Auditor;
import io.vigil.policy.publish.OutboxMessage;
import io.vigil.policy.publish.Relay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.LockMode;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The managed API keys: policy-service owns them. Every change commits, in one transaction, the key row, the key's
 * record for {@code vigil.internal.api-keys} (which every console service follows) and the audit record for
 * {@code vigil.audit}, both through the outbox; the relay publishes them right after the commit.
 */
@ApplicationScoped
public class ApiKeyService {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Auditor auditor;
    @Inject
    Relay relay;

    public Uni<ApiKeyResource.ApiKeyList> list(ApiKeys.Caller caller, Page page) {
        ApiKeyRules.checkManage(caller);
        Instant now = Instant.now();
        return sessions.withSession(session -> session
                .createSelectionQuery("from ApiKeyEntity k where k.id > :after order by k.id", ApiKeyEntity.class)
                .setParameter("after", page.after()).setMaxResults(page.fetch()).getResultList())
                .map(keys -> {
                    Page.Slice<ApiKeyEntity> slice = page.slice(keys, k -> k.id);
                    return new ApiKeyResource.ApiKeyList(slice.items().stream().map(k -> ApiKeyView.of(k, now))
                            .toList(), slice.next());
                });
    }

    public Uni<ApiKeyView> get(ApiKeys.Caller caller, long id) {
        ApiKeyRules.checkManage(caller);
        return sessions.withSession(session -> session.find(ApiKeyEntity.class, id)).map(key -> {
            if (key == null) {
                throw ProblemException.notFound("API key", id);
            }
            return ApiKeyView.of(key, Instant.now());
        });
    }

    /** Creates a key; the answer holds its secret, which is stored nowhere. */
    public Uni<CreatedApiKey> create(ApiKeyBody body, ApiKeys.Caller caller) {
        ApiKeyRules.checkGrant(caller, body.role().role());
        Instant now = Instant.now();
        Instant expiresAt = ApiKeyRules.expiry(body.expiresAt(), now);
        String name = body.name().strip();
        return sessions.withTransaction(session -> session
                .createSelectionQuery("select count(k) from ApiKeyEntity k where k.name = :name and k.revokedAt is null",
                        Long.class).setParameter("name", name).getSingleResult()
                .chain(taken -> {
                    if (taken > 0) {
                        throw nameTaken(name);
                    }
                    return session.createNativeQuery("select nextval('api_key_id_seq')", Long.class)
                            .getSingleResult();
                })
                .chain(id -> {
                    String secret = ManagedKeySecret.generate(id);
                    ApiKeyEntity key = new ApiKeyEntity();
                    key.id = id;
                    key.name = name;
                    key.description = Objects.requireNonNullElse(body.description(), "");
                    key.role = body.role().role().word();
                    key.secretHash = ManagedKeySecret.hash(secret);
                    key.createdAt = now;
                    key.createdBy = caller.actor();
                    key.expiresAt = expiresAt;
                    ApiKeyView view = ApiKeyView.of(key, now);
                    return session.persist(key).chain(session::flush)
                            .chain(() -> session.persist(publication(key)))
                            .chain(() -> auditor.record(session, caller.actor(), "api-key.created", "api-key",
                                    id.toString(), auditKey(id), null, null, view))
                            .replaceWith(CreatedApiKey.of(view, secret));
                }))
                .onFailure(ApiKeyService::uniqueViolation).transform(e -> nameTaken(name))
                .invoke(relay::kick);
    }

    /** Revokes a key for good; revoking a revoked key changes nothing. */
    public Uni<Void> revoke(ApiKeys.Caller caller, long id) {
        ApiKeyRules.checkManage(caller);
        return sessions.withTransaction(session -> session.find(ApiKeyEntity.class, id, LockMode.PESSIMISTIC_WRITE)
                .chain(key -> {
                    if (key == null) {
                        throw ProblemException.notFound("API key", id);
                    }
                    if (key.revokedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Instant.now();
                    ApiKeyView before = ApiKeyView.of(key, now);
                    key.revokedAt = now;
                    key.revokedBy = caller.actor();
                    return session.persist(publication(key))
                            .chain(() -> auditor.record(session, caller.actor(), "api-key.revoked", "api-key",
                                    Long.toString(id), auditKey(id), null, before, ApiKeyView.of(key, now)));
                }))
                .invoke(relay::kick);
    }

    /** Merges reported uses (key ID to the latest use) and dead letters of unreadable reports, in one transaction. */
    public Uni<Void> used(Map<Long, Instant> latest, List<OutboxMessage> deadLetters) {
        return sessions.withTransaction(session -> {
            Uni<Void> work = Uni.createFrom().voidItem();
            for (Map.Entry<Long, Instant> use : latest.entrySet()) {
                work = work.chain(() -> session.createMutationQuery("update ApiKeyEntity k set k.lastUsedAt = :at "
                                + "where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :at)")
                        .setParameter("at", use.getValue()).setParameter("id", use.getKey())
                        .executeUpdate().replaceWithVoid());
            }
            for (OutboxMessage letter : deadLetters) {
                work = work.chain(() -> session.persist(letter));
            }
            return work;
        });
    }

    /** The key's record on {@code vigil.internal.api-keys}, keyed by its ID. */
    static OutboxMessage publication(ApiKeyEntity key) {
        ApiKeyRecord record = new ApiKeyRecord(key.id, key.name, key.role, key.expiresAt, key.secretHash,
                key.revokedAt != null, key.createdAt);
        return OutboxMessage.of(Topics.API_KEYS, Long.toString(key.id),
                EventJson.toBytes(CloudEvents.create(Auditor.SOURCE, EventTypes.API_KEY, null, record)));
    }

    private static String auditKey(long id) {
        return "api-key:" + id;
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("an API key named " + name + " exists");
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
