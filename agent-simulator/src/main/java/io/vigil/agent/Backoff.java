package io.vigil.agent;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When an agent tries again after a failure, so that a fleet refused or cut off together does not come back
 * together: without a {@code Retry-After}, the wait doubles with each failure in a row from {@code base} up to
 * {@code cap}, and the agent waits a random time between half of it and all of it; with the manager's
 * {@code Retry-After} (whole seconds), at least that long and at most half as long again.
 */
public final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration cap) {
        this(base, cap, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) */
    Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.baseMillis = Math.max(1, base.toMillis());
        this.capMillis = Math.max(baseMillis, cap.toMillis());
        this.random = random;
    }

    /**
     * @param failures   failures in a row so far, at least 1
     * @param retryAfter the manager's {@code Retry-After} header, or null
     * @return milliseconds to wait before the next attempt
     */
    public long delayMillis(int failures, String retryAfter) {
        long asked = seconds(retryAfter);
        if (asked >= 0) {
            long floor = Math.max(1, asked) * 1000;
            return floor + (long) (random.getAsDouble() * floor / 2);
        }
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(capMillis, baseMillis << doublings);
        return ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
    }

    /** A random wait between half of {@code ceilingMillis} and all of it. */
    public static long spread(long ceilingMillis) {
        long half = ceilingMillis / 2;
        return half + (long) (ThreadLocalRandom.current().nextDouble() * (ceilingMillis - half));
    }

    /** Whole seconds of a {@code Retry-After} in its delay-seconds form; -1 when absent or not that form. */
    static long seconds(String retryAfter) {
        if (retryAfter == null || !retryAfter.trim().matches("\\d{1,6}")) {
            return -1;
        }
        return Long.parseLong(retryAfter.trim());
    }
}
