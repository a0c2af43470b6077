package io.vigil.alerts.liveness;

/**
 * The missed-heartbeat arithmetic of the contract, in epoch milliseconds: heartbeat k is missed when none has arrived
 * by {@code last + k·I + G} with {@code G = min(I/10, 30 s)}; with threshold N the computer is offline (and
 * {@code agent-offline} raised) when heartbeat N+1 is missed; under Unlimited it is offline at the first miss.
 */
public final class Deadlines {

    public static final long MAX_GRACE_MILLIS = 30_000;

    private Deadlines() {
    }

    public static long graceMillis(int intervalSeconds) {
        return Math.min(intervalSeconds * 1000L / 10, MAX_GRACE_MILLIS);
    }

    /** When heartbeat k (k >= 1) counts as missed. */
    public static long missedAt(long lastMillis, int intervalSeconds, int k) {
        return saturatedAdd(saturatedAdd(lastMillis, saturatedMultiply(k, intervalSeconds * 1000L)),
                graceMillis(intervalSeconds));
    }

    /** How many heartbeats are missed at {@code now} (0 before the first deadline). */
    public static int missedBy(long lastMillis, int intervalSeconds, long now) {
        long elapsed = saturatedAdd(saturatedAdd(now, saturatedNegate(lastMillis)), -graceMillis(intervalSeconds));
        if (elapsed < 0) {
            return 0;
        }
        return (int) Math.min(elapsed / (intervalSeconds * 1000L), Integer.MAX_VALUE - 1);
    }

    /** The missed-heartbeat count at which the computer is offline: N+1, or 1 under Unlimited. */
    public static int offlineAt(int missedThreshold) {
        return missedThreshold == LivenessSettings.UNLIMITED ? 1 : missedThreshold + 1;
    }

    /** {@code a + b}, held at the range of a long instead of wrapping around. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0 || high == -1 && low < 0) {
            return low;
        }
        return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    private static long saturatedNegate(long a) {
        return a == Long.MIN_VALUE ? Long.MAX_VALUE : -a;
    }
}
