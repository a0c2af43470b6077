package io.vigil.policy.policy;

import io.smallrye.mutiny.Uni;
import io.vigil.console.rest.EntityTags;
import io.vigil.console.rest.Page;
import io.vigil.console.rest.Versioned;
import io.vigil.events.Topics;
import io.vigil.policy.audit.Auditor;
import io.vigil.policy.publish.OutboxMessage;
import io.vigil.policy.publish.ReconcileJob;
import io.vigil.policy.publish.Relay;
import io.vigil.policy.setting.SettingUpdates;
import io.vigil.policy.tree.PolicyNode;
import io.vigil.policy.tree.PolicyTree;
import io.vigil.policy.tree.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Policy-tree reads and writes. Every write takes the tree lock, checks the tree rules, and in the same transaction
 * records what the relay must re-derive and the audit record.
 */
@ApplicationScoped
public class PolicyService {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PolicyStore store;
    @Inject
    Auditor auditor;
    @Inject
    Relay relay;

    public Uni<PolicyList> list(Page page, boolean overrides) {
        return sessions.withSession(store::tree).map(tree -> {
            Page.Slice<Long> slice = page.slice(tree.all().stream().map(PolicyNode::id)
                    .filter(id -> id > page.after()).sorted().limit(page.fetch()).toList(), Long::longValue);
            return new PolicyList(slice.items().stream().map(id -> PolicyView.of(tree, id, overrides)).toList(),
                    slice.next());
        });
    }

    public Uni<Versioned<PolicyView>> get(long id, boolean overrides) {
        return sessions.withSession(store::tree).map(tree -> new Versioned<>(PolicyView.of(tree, id, overrides),
                Versions.policy(tree.get(id))));
    }

    public Uni<Versioned<PolicyView>> create(PolicyRequest request, String actor) {
        if (request.name() == null) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "name", "a policy needs a name");
        }
        return sessions.withTransaction(session -> store.lockTree(session).chain(() -> store.all(session))
                .chain(entities -> {
                    PolicyTree tree = PolicyStore.toTree(entities);
                    Long parentID = request.parentIDGiven() ? request.parentID() : Long.valueOf(PolicyTree.BASE_POLICY_ID);
                    tree.checkParent(null, parentID);
                    tree.checkNameFree(null, request.name());
                    PolicyEntity entity = new PolicyEntity();
                    entity.name = request.name();
                    entity.description = Objects.requireNonNullElse(request.description(), "");
                    entity.parentId = parentID;
                    entity.settings = SettingUpdates.apply(new TreeMap<>(), request.settings(),
                            SettingUpdates.ValueCheck.NONE);
                    return session.persist(entity).chain(session::flush).chain(() -> {
                        List<PolicyEntity> now = new ArrayList<>(entities);
                        now.add(entity);
                        PolicyTree after = PolicyStore.toTree(now);
                        return session.persist(ReconcileJob.policies())
                                .chain(() -> auditor.record(session, actor, "policy.created", "policy",
                                        entity.id.toString(), key(entity.id), null, null,
                                        PolicyView.of(after, entity.id, true)))
                                .replaceWith(new Versioned<>(PolicyView.of(after, entity.id, false),
                                        Versions.policy(after.get(entity.id))));
                    });
                })).invoke(relay::kick);
    }

    /** Modifies a policy; {@code ifMatch} (null: unconditional) must name its current version. */
    public Uni<Versioned<PolicyView>> modify(long id, PolicyRequest request, String actor, String ifMatch) {
        return sessions.withTransaction(session -> store.lockTree(session).chain(() -> store.all(session))
                .chain(entities -> {
                    PolicyTree before = PolicyStore.toTree(entities);
                    PolicyNode node = before.get(id);
                    EntityTags.require(ifMatch, Versions.policy(node));
                    PolicyEntity entity = entities.stream().filter(e -> e.id == id).findFirst().orElseThrow();
                    boolean affectsComputers = false;
                    if (request.parentIDGiven() && !Objects.equals(request.parentID(), node.parentID())) {
                        before.checkParent(id, request.parentID());
                        entity.parentId = request.parentID();
                        affectsComputers = true;
                    }
                    if (request.name() != null && !request.name().equals(node.name())) {
                        before.checkNameFree(id, request.name());
                        entity.name = request.name();
                    }
                    if (request.description() != null) {
                        entity.description = request.description();
                    }
                    if (!request.settings().isEmpty()) {
                        var updated = SettingUpdates.apply(entity.settings, request.settings(),
                                SettingUpdates.ValueCheck.NONE);
                        affectsComputers |= !updated.equals(entity.settings);
                        entity.settings = updated;
                    }
                    PolicyTree after = PolicyStore.toTree(entities);
                    return session.persist(affectsComputers ? ReconcileJob.subtree(id) : ReconcileJob.policies())
                            .chain(() -> auditor.record(session, actor, "policy.updated", "policy",
                                    Long.toString(id), key(id), null, PolicyView.of(before, id, true),
                                    PolicyView.of(after, id, true)))
                            .replaceWith(new Versioned<>(PolicyView.of(after, id, false),
                                    Versions.policy(after.get(id))));
                })).invoke(relay::kick);
    }

    /** Deletes a policy; {@code ifMatch} (null: unconditional) must name its current version. */
    public Uni<Void> delete(long id, String actor, String ifMatch) {
        return sessions.withTransaction(session -> store.lockTree(session).chain(() -> store.all(session))
                .chain(entities -> {
                    PolicyTree tree = PolicyStore.toTree(entities);
                    EntityTags.require(ifMatch, Versions.policy(tree.get(id)));
                    return store.computersOn(session, id).chain(count -> {
                        tree.checkDeletable(id, count);
                        PolicyEntity entity = entities.stream().filter(e -> e.id == id).findFirst().orElseThrow();
                        return session.remove(entity).chain(session::flush)
                                .chain(() -> session.persist(OutboxMessage.of(Topics.POLICY_CONFIG,
                                        Long.toString(id), null)))
                                .chain(() -> auditor.record(session, actor, "policy.deleted", "policy",
                                        Long.toString(id), key(id), null, PolicyView.of(tree, id, true), null));
                    });
                })).invoke(relay::kick);
    }

    private static String key(long policyID) {
        return "policy:" + policyID;
    }
}
