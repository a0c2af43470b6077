package io.vigil.policy.publish;

import io.smallrye.mutiny.Uni;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.policy.audit.Auditor;
import io.vigil.policy.policy.PolicyStore;
import io.vigil.policy.tree.PolicyTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Re-derives computers' configurations from the current state and publishes those that changed since the last
 * acknowledged publication (and tombstones for deactivated computers), one bounded page at a time.
 */
@ApplicationScoped
public class ComputerPublisher {

    private static final Logger LOG = Logger.getLogger(ComputerPublisher.class);
    private static final String COLUMNS = "select id, computer_type, policy_id, settings, removed, published_digest "
            + "from computer ";

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PolicyStore store;
    @Inject
    KafkaSender sender;
    @Inject
    PublishMetrics metrics;

    /** One page of work: what to send and what to record once Kafka acknowledged it. */
    record Page(List<KafkaSender.Outgoing> records, Map<String, List<Long>> digests, List<Long> removed, int size,
                long lastId) {
    }

    /**
     * Reads and derives the next page of computers under {@code policyId} after {@code cursor}, in a session of its
     * own (it runs while the previous page is being sent). Null when no computer is left.
     */
    public Uni<Page> readSubtreePage(long policyId, long cursor, int pageSize) {
        return sessions.openStatelessSession().chain(session -> store.tree(session).chain(tree -> {
            if (!tree.contains(policyId)) {
                return Uni.createFrom().<Page>nullItem();
            }
            Set<Long> subtree = tree.subtree(policyId);
            boolean everything = subtree.size() == tree.all().size();
            Mutiny.SelectionQuery<Object[]> query = session.createNativeQuery(COLUMNS + "where "
                    + (everything ? "" : "policy_id = any(:ids) and ")
                    + "id > :cursor and not removed order by id limit :limit", Object[].class);
            query.setParameter("cursor", cursor).setParameter("limit", pageSize);
            if (!everything) {
                query.setParameter("ids", subtree.toArray(Long[]::new));
            }
            return query.getResultList().map(rows -> rows.isEmpty() ? null : derive(tree, rows));
        }).eventually(session::close));
    }

    /** The given computers, published (or removed) where they changed. */
    public Uni<Page> publishComputers(List<Long> ids, Executor resume) {
        return sessions.withStatelessTransaction(session -> store.tree(session).chain(tree -> session
                        .createNativeQuery(COLUMNS + "where id = any(:ids) order by id", Object[].class)
                        .setParameter("ids", ids.toArray(Long[]::new)).getResultList()
                        .map(rows -> derive(tree, rows))))
                .chain(page -> complete(page, null, resume));
    }

    private Page derive(PolicyTree tree, List<Object[]> rows) {
        ComputerDerivations derivations = new ComputerDerivations(tree, new Derivation(), Instant.now());
        List<KafkaSender.Outgoing> records = new ArrayList<>(rows.size());
        Map<String, List<Long>> digests = new LinkedHashMap<>();
        List<Long> removed = new ArrayList<>();
        long lastId = 0;
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            lastId = id;
            String key = Long.toString(id);
            String publishedDigest = (String) row[5];
            if ((Boolean) row[4]) {
                if (publishedDigest != null) {
                    records.add(KafkaSender.Outgoing.of(Topics.COMPUTER_CONFIG, key, null));
                }
                removed.add(id);
                continue;
            }
            ComputerDerivations.Derived derived = derivations.of((String) row[1], ((Number) row[2]).longValue(),
                    (String) row[3]);
            if (!derived.digest().equals(publishedDigest)) {
                records.add(KafkaSender.Outgoing.of(Topics.COMPUTER_CONFIG, key, EventJson.toBytes(CloudEvents.create(
                        Auditor.SOURCE, EventTypes.COMPUTER_CONFIGURATION, key, derived.forComputer(id)))));
                digests.computeIfAbsent(derived.digest(), d -> new ArrayList<>()).add(id);
            }
        }
        return new Page(records, digests, removed, rows.size(), lastId);
    }

    /** Sends a derived page, then records its digests (and the job's cursor) once Kafka acknowledged it. */
    public Uni<Page> complete(Page page, Long jobId, Executor resume) {
        long started = System.nanoTime();
        return sender.sendAll(page.records(), resume)
                .chain(() -> sessions.withStatelessTransaction(session -> record(session, page, jobId)))
                .invoke(() -> {
                    int tombstones = (int) page.records().stream().filter(r -> r.payload() == null).count();
                    metrics.computersPublished(page.records().size() - tombstones);
                    metrics.computersRemoved(tombstones);
                    LOG.debugf("page of %s computers: %s published, send+record %s ms", page.size(),
                            page.records().size(), (System.nanoTime() - started) / 1_000_000);
                })
                .replaceWith(page);
    }

    private static Uni<Void> record(Mutiny.StatelessSession session, Page page, Long jobId) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Long>> entry : page.digests().entrySet()) {
            chain = chain.chain(() -> session.createNativeQuery(
                            "update computer set published_digest = :d where id = any(:ids)")
                    .setParameter("d", entry.getKey()).setParameter("ids", entry.getValue().toArray(Long[]::new))
                    .executeUpdate().replaceWithVoid());
        }
        if (!page.removed().isEmpty()) {
            chain = chain.chain(() -> session.createNativeQuery(
                            "delete from computer where id = any(:ids) and removed")
                    .setParameter("ids", page.removed().toArray(Long[]::new)).executeUpdate().replaceWithVoid());
        }
        if (jobId != null) {
            chain = chain.chain(() -> session.createNativeQuery(
                            "update reconcile_job set cursor_id = :c where id = :id")
                    .setParameter("c", page.lastId()).setParameter("id", jobId).executeUpdate().replaceWithVoid());
        }
        return chain;
    }
}
