package io.vigil.alerts.outage;

import io.quarkus.runtime.ShutdownEvent;
import io.vigil.alerts.AlertsConfig;
import io.vigil.alerts.engine.DeadlineEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * platform-outage across instances: each instance reports its tracked, silent and recent first-miss counts to a small
 * shared table every second; every instance sums the fresh rows, follows the fleet's {@link Recovery} while an outage
 * is active and applies {@link OutageRule}. The alert itself is unique while active (database index), so two
 * instances deciding together still raise one.
 */
@ApplicationScoped
public class OutageMonitor {

    private static final Logger LOG = Logger.getLogger(OutageMonitor.class);

    private final AlertsConfig.Outage config;
    private final OutageStore store;
    private final OutageRule rule;
    private final MissWindow window;
    private final String instanceId = UUID.randomUUID().toString();
    private final List<DeadlineEngine> engines = new CopyOnWriteArrayList<>();
    private volatile boolean active;
    private volatile long fleetTracked;
    private volatile long suspectedUntil;
    private volatile boolean running = true;
    private Recovery recovery = Recovery.startingAt(0, monotonicMillis());
    private Thread thread;

    public OutageMonitor(AlertsConfig config, OutageStore store) {
        this.config = config.outage();
        this.store = store;
        this.rule = new OutageRule(this.config.share(), this.config.minComputers(), this.config.settle());
        this.window = new MissWindow((int) Math.max(1, this.config.window().toSeconds()));
    }

    /** Starts reporting the counts of this engine. */
    public synchronized void register(DeadlineEngine engine) {
        engines.add(engine);
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("platform-outage-monitor").start(this::run);
        }
    }

    public void unregister(DeadlineEngine engine) {
        engines.remove(engine);
    }

    /** A computer missed its first heartbeat at {@code judgedAt}. */
    public void firstMiss(long judgedAt) {
        window.add(judgedAt);
    }

    /**
     * Whether agent-offline alerts are raised now: always when the setting says so; otherwise not while an outage is
     * active, nor while this instance's own first misses already look like one that the fleet-wide evaluation has
     * not confirmed yet (they are held for up to three report intervals), so a fleet with threshold 0 does not
     * storm before the outage is recognised.
     */
    public boolean perComputerAlertsAllowed() {
        if (config.perComputerAlerts()) {
            return true;
        }
        if (active) {
            return false;
        }
        long now = System.currentTimeMillis();
        long tracked = engines.stream().mapToLong(DeadlineEngine::tracked).sum();
        if (rule.looksLikeOutage(Math.max(tracked, fleetTracked), tracked, window.count(now))) {
            suspectedUntil = now + config.reportInterval().multipliedBy(3).toMillis();
        }
        return now >= suspectedUntil;
    }

    public boolean active() {
        return active;
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void run() {
        while (running) {
            LockSupport.parkNanos(config.reportInterval().toNanos());
            try {
                evaluate(System.currentTimeMillis(), monotonicMillis());
            } catch (RuntimeException e) {
                LOG.debugf("platform-outage evaluation skipped: %s", e.getMessage());
            }
        }
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000L;
    }

    /**
     * @param now       this host's wall clock, the time base of the first misses counted
     * @param monotonic this host's monotonic clock, the time base of the recovery (a stepped wall clock must not
     *                  settle it early or late)
     */
    private void evaluate(long now, long monotonic) {
        long tracked = engines.stream().mapToLong(DeadlineEngine::tracked).sum();
        long silent = engines.stream().mapToLong(DeadlineEngine::silent).sum();
        OutageRule.Fleet fleet = store.report(instanceId, tracked, silent, window.count(now),
                config.reportInterval().multipliedBy(3));
        fleetTracked = fleet.tracked();
        boolean stored = store.activeOutage();
        if (stored != active) {
            active = stored;
            recovery = Recovery.startingAt(fleet.silent(), monotonic);
            if (!stored) {
                cleared();
            }
        }
        recovery = recovery.observed(fleet.silent(), monotonic);
        switch (rule.decide(fleet, active, recovery, monotonic)) {
            case RAISE -> {
                active = store.raise(fleet);
                recovery = Recovery.startingAt(fleet.silent(), monotonic);
            }
            case CLEAR -> {
                store.clear(fleet);
                active = false;
                cleared();
            }
            default -> { }
        }
    }

    /**
     * The outage is over: the first misses it was made of no longer count as a suspected one, so the computers
     * still silent get their allowance and then their held-back agent-offline alerts instead of being held again by
     * their own old misses.
     */
    private void cleared() {
        window.clear();
        suspectedUntil = 0;
    }
}
