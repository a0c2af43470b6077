package io.vigil.policy.computer;

import io.smallrye.mutiny.Uni;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.policy.publish.OutboxMessage;
import io.vigil.policy.tree.PolicyTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the registry's view of computers (type, policy, deactivation) and queues their re-derivation, in one
 * transaction per batch with set-based statements. Applying the same registration twice changes nothing
 * (idempotent); a computer's own settings are never touched by it (except cleared on deactivation).
 */
@ApplicationScoped
public class ComputerRegistry {

    private static final Logger LOG = Logger.getLogger(ComputerRegistry.class);

    @Inject
    Mutiny.SessionFactory sessions;

    /** @param latest the newest registration of each computer in the batch */
    public Uni<Void> apply(Collection<ComputerRegistration> latest, List<OutboxMessage> deadLetters) {
        return sessions.withTransaction(session -> session
                .createQuery("select p.id from PolicyEntity p", Long.class).getResultList()
                .chain(policyIds -> {
                    Batch batch = Batch.of(latest, new HashSet<>(policyIds));
                    return activate(session, batch).chain(() -> deactivate(session, batch))
                            .chain(() -> queue(session, batch))
                            .chain(() -> deadLetters.isEmpty() ? Uni.createFrom().voidItem()
                                    : session.persistAll(deadLetters.toArray()));
                }));
    }

    /** The batch as columns. */
    private record Batch(List<Long> ids, List<String> types, List<Long> policies, List<Long> deactivated) {

        static Batch of(Collection<ComputerRegistration> latest, Set<Long> policyIds) {
            Batch batch = new Batch(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (ComputerRegistration registration : latest) {
                long id = registration.computerID();
                if (registration.deactivated()) {
                    batch.deactivated.add(id);
                    continue;
                }
                long policyId = registration.policyID();
                if (!policyIds.contains(policyId)) {
                    LOG.warnf("computer %d: policy %d does not exist, it falls back to the Base Policy", id,
                            policyId);
                    policyId = PolicyTree.BASE_POLICY_ID;
                }
                batch.ids.add(id);
                batch.types.add(registration.computerType());
                batch.policies.add(policyId);
            }
            return batch;
        }

        List<Long> all() {
            List<Long> all = new ArrayList<>(ids);
            all.addAll(deactivated);
            return all;
        }
    }

    private static Uni<Void> activate(Mutiny.Session session, Batch batch) {
        if (batch.ids().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("insert into computer (id, computer_type, policy_id) "
                        + "select * from unnest(cast(:ids as bigint[]), cast(:types as text[]), cast(:policies as bigint[])) "
                        + "on conflict (id) do update set computer_type = excluded.computer_type, "
                        + "policy_id = excluded.policy_id, removed = false")
                .setParameter("ids", batch.ids().toArray(Long[]::new))
                .setParameter("types", batch.types().toArray(String[]::new))
                .setParameter("policies", batch.policies().toArray(Long[]::new))
                .executeUpdate().replaceWithVoid();
    }

    private static Uni<Void> deactivate(Mutiny.Session session, Batch batch) {
        if (batch.deactivated().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("update computer set removed = true, settings = '{}' where id = any(:ids)")
                .setParameter("ids", batch.deactivated().toArray(Long[]::new)).executeUpdate().replaceWithVoid();
    }

    private static Uni<Void> queue(Mutiny.Session session, Batch batch) {
        List<Long> all = batch.all();
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("insert into reconcile_job (kind, computer_id, cursor_id, created_at) "
                        + "select 'COMPUTER', id, 0, now() from unnest(cast(:ids as bigint[])) as t(id)")
                .setParameter("ids", all.toArray(Long[]::new)).executeUpdate().replaceWithVoid();
    }
}
