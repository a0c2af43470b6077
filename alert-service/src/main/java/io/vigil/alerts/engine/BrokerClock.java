package io.vigil.alerts.engine;

/**
 * The broker's clock as this host can know it without trusting its own wall clock. Every broker append time the
 * engine sees (a heartbeat's LogAppendTime, the acknowledged timestamp of its own clock tick) was taken before this
 * host observed it, so {@code appendTime + (monotonic now − monotonic at observation)} is never ahead of the broker's
 * clock. The estimate keeps the largest such value; it moves with the host's monotonic clock between observations,
 * so stepping the host's wall clock (or a host clock running ahead of the broker) never makes a deadline early.
 */
public final class BrokerClock {

    /** No broker time observed yet. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private long offset = UNKNOWN;

    /** A broker time {@code brokerMillis} observed at monotonic time {@code observedNanos} (or later). */
    public synchronized void observed(long brokerMillis, long observedNanos) {
        if (brokerMillis <= 0) {
            return;
        }
        offset = Math.max(offset, brokerMillis - Math.floorDiv(observedNanos, 1_000_000L));
    }

    /** The broker's time at monotonic time {@code nanos}, never ahead of it; {@link #UNKNOWN} before any observation. */
    public synchronized long now(long nanos) {
        return offset == UNKNOWN ? UNKNOWN : offset + Math.floorDiv(nanos, 1_000_000L);
    }
}
