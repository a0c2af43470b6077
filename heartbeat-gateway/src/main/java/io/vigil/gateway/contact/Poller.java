package io.vigil.gateway.contact;

import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Runs the polls the {@link ContactCoordinator} schedules: a scheduler thread takes the due computers every tick and
 * runs each poll on a virtual thread, at most {@code maxConcurrent} at a time and never two for one computer. The
 * calls never run on the HTTP server's event loops or worker pool, so polling does not slow heartbeat handling.
 */
public final class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    private final ContactCoordinator coordinator;
    private final LongConsumer poll;
    private final Semaphore slots;
    private final long tickMillis;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;

    public Poller(ContactCoordinator coordinator, LongConsumer poll, int maxConcurrent, long tickMillis) {
        this.coordinator = coordinator;
        this.poll = poll;
        this.slots = new Semaphore(maxConcurrent);
        this.tickMillis = tickMillis;
    }

    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gateway-agent-poller").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::pollDue, 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One tick: starts the due polls (a failure here must not cancel the schedule, so it is logged). */
    private void pollDue() {
        try {
            for (long computerID : coordinator.duePolls()) {
                if (!inFlight.add(computerID)) {
                    LOG.debugf("computer %d: previous poll still running, skipping this one", computerID);
                    continue;
                }
                slots.acquire();
                Thread.ofVirtual().name("poll-" + computerID).start(() -> {
                    try {
                        poll.accept(computerID);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "poll of computer %d failed unexpectedly", computerID);
                    } finally {
                        inFlight.remove(computerID);
                        slots.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "polling tick failed; the next tick tries again");
        }
    }
}
