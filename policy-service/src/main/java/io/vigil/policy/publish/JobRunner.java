package io.vigil.policy.publish;

import io.smallrye.mutiny.Uni;
import io.vigil.policy.PolicyServiceConfig;
import io.vigil.policy.policy.PolicyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Works through the reconcile jobs, oldest first, renewing the relay lease as it goes. */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final int COMPUTER_JOBS_PER_ROUND = 1000;

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PolicyStore store;
    @Inject
    PolicyServiceConfig config;
    @Inject
    ComputerPublisher computers;
    @Inject
    PolicyPublisher policies;
    @Inject
    PublishMetrics metrics;

    public Uni<Void> runAll(Supplier<Uni<Boolean>> lease, Executor resume) {
        return sessions.withStatelessTransaction(session -> session
                        .createQuery("from ReconcileJob j order by j.id", ReconcileJob.class)
                        .setMaxResults(COMPUTER_JOBS_PER_ROUND).getResultList())
                .chain(queued -> queued.isEmpty() ? Uni.createFrom().item(false) : runFirst(queued, lease, resume))
                .chain(more -> !more ? Uni.createFrom().voidItem() : lease.get()
                        .chain(mine -> mine ? runAll(lease, resume) : Uni.createFrom().voidItem()));
    }

    /** Runs the oldest job (or the oldest run of computer jobs); true when more may be waiting. */
    private Uni<Boolean> runFirst(List<ReconcileJob> queued, Supplier<Uni<Boolean>> lease, Executor resume) {
        ReconcileJob first = queued.getFirst();
        return switch (first.kind) {
            case ReconcileJob.COMPUTER -> runComputerJobs(queued, resume);
            case ReconcileJob.POLICIES -> policies.publishChanged(resume).chain(() -> delete(List.of(first.id)));
            default -> runSubtree(first, lease, resume);
        };
    }

    private Uni<Boolean> runComputerJobs(List<ReconcileJob> queued, Executor resume) {
        List<Long> jobIds = new ArrayList<>();
        List<Long> computerIds = new ArrayList<>();
        for (ReconcileJob job : queued) {
            if (!ReconcileJob.COMPUTER.equals(job.kind)) {
                break;
            }
            jobIds.add(job.id);
            computerIds.add(job.computerId);
        }
        return computers.publishComputers(computerIds.stream().distinct().toList(), resume)
                .chain(() -> delete(jobIds));
    }

    private Uni<Boolean> runSubtree(ReconcileJob job, Supplier<Uni<Boolean>> lease, Executor resume) {
        Uni<Void> start = job.cursorId == 0
                ? coalesce(job).chain(() -> policies.publishChanged(resume)) : Uni.createFrom().voidItem();
        return start.chain(() -> pages(job, job.cursorId, lease, resume)).chain(finished -> {
            if (!finished) {
                return Uni.createFrom().item(false);
            }
            Duration took = Duration.between(job.createdAt, Instant.now());
            metrics.fanOutFinished(took);
            LOG.debugf("fan-out below policy %s finished %s ms after the change", job.policyId, (Object) took.toMillis());
            return delete(List.of(job.id));
        });
    }

    /**
     * Publishes page after page, reading and deriving the next page while the current one is sent and recorded.
     * True when the job is done, false when the lease was lost on the way.
     */
    private Uni<Boolean> pages(ReconcileJob job, long cursor, Supplier<Uni<Boolean>> lease, Executor resume) {
        return computers.readSubtreePage(job.policyId, cursor, config.relay().pageSize())
                .chain(page -> pipeline(job, page, lease, resume));
    }

    private Uni<Boolean> pipeline(ReconcileJob job, ComputerPublisher.Page page, Supplier<Uni<Boolean>> lease,
                                  Executor resume) {
        int pageSize = config.relay().pageSize();
        if (page == null) {
            return Uni.createFrom().item(true);
        }
        Uni<Void> publish = computers.complete(page, job.id, resume).replaceWithVoid();
        if (page.size() < pageSize) {
            return publish.replaceWith(true);
        }
        Uni<ComputerPublisher.Page> next = computers.readSubtreePage(job.policyId, page.lastId(), pageSize)
                .emitOn(resume);
        return Uni.combine().all().unis(publish, next).asTuple()
                .chain(both -> lease.get().chain(mine -> mine ? pipeline(job, both.getItem2(), lease, resume)
                        : Uni.createFrom().item(false)));
    }

    /**
     * Drops queued jobs that this one covers: it re-derives from state read after they were committed, so a later
     * SUBTREE job at or below its root, and any POLICIES job, add nothing.
     */
    private Uni<Void> coalesce(ReconcileJob job) {
        return sessions.withStatelessTransaction(session -> store.tree(session).chain(tree -> {
            Set<Long> subtree = tree.subtree(job.policyId);
            return session.createMutationQuery("delete from ReconcileJob j where j.id <> :id and j.cursorId = 0 "
                            + "and (j.kind = 'POLICIES' or (j.kind = 'SUBTREE' and j.policyId in :ids))")
                    .setParameter("id", job.id).setParameter("ids", subtree).executeUpdate().replaceWithVoid();
        }));
    }

    private Uni<Boolean> delete(List<Long> ids) {
        return sessions.withStatelessTransaction(session -> session
                .createNativeQuery("delete from reconcile_job where id = any(:ids)")
                .setParameter("ids", ids.toArray(Long[]::new)).executeUpdate()).replaceWith(true);
    }
}
