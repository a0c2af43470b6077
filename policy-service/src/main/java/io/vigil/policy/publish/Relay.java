package io.vigil.policy.publish;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vigil.policy.PolicyServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one publisher of configurations. Each cycle: claim the relay lease (one active relay across replicas), send
 * the outbox, then work through the reconcile jobs in order. Runs when signalled after a commit and every
 * {@code vigil.policy.relay.poll-interval}, so work left by a crash or another replica is picked up.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);

    @Inject
    Vertx vertx;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    PolicyServiceConfig config;
    @Inject
    OutboxRelay outbox;
    @Inject
    JobRunner jobs;

    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.relay().pollInterval().toMillis(), id -> kick());
        kick();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Asks for a cycle; coalesces with a running one (which then runs once more). */
    public void kick() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        Executor resume = command -> context.runOnContext(ignored -> command.run());
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> cycle(resume)).subscribe().with(done -> finish(), failure -> {
            LOG.warnf("relay cycle failed, retrying at the next poll: %s", failure.toString());
            finish();
        }));
    }

    private void finish() {
        running.set(false);
        if (again.getAndSet(false)) {
            kick();
        }
    }

    private Uni<Void> cycle(Executor resume) {
        return claimLease().chain(mine -> !mine ? Uni.createFrom().voidItem()
                : outbox.drain(config.relay().outboxBatchSize(), resume)
                .chain(() -> jobs.runAll(this::claimLease, resume)));
    }

    /** Claims or renews the lease; false when another replica holds it. */
    Uni<Boolean> claimLease() {
        Instant now = Instant.now();
        return sessions.withStatelessTransaction(session -> session.createNativeQuery(
                        "update relay_lease set owner = :owner, valid_until = :until "
                                + "where id = 1 and (valid_until < :now or owner = :owner)")
                .setParameter("owner", owner).setParameter("until", now.plus(config.relay().lease()))
                .setParameter("now", now).executeUpdate()).map(count -> count == 1);
    }
}
