package io.vigil.agent;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A histogram of round-trip times shared by many agents (thread-safe, lock-free, fixed memory): buckets of 1/16 of a
 * power of two in microseconds, so any percentile it answers is at most 6.25% above the true one. Used by the load
 * generator to report heartbeat round trips.
 */
public final class RoundTrips {

    private static final int SUB_BUCKETS = 16;
    private static final int POWERS = 40;

    private final AtomicLongArray counts = new AtomicLongArray(POWERS * SUB_BUCKETS);

    /** Records one round trip. */
    public void record(long nanos) {
        counts.incrementAndGet(bucket(Math.max(1, nanos / 1000)));
    }

    /** How many round trips were recorded. */
    public long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * The round trip in milliseconds below which {@code fraction} of the recorded ones fall (the upper edge of its
     * bucket); 0 when none was recorded.
     */
    public double percentileMillis(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + fraction);
        }
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return upperMicros(i) / 1000.0;
            }
        }
        return upperMicros(counts.length() - 1) / 1000.0;
    }

    /** Forgets every recorded round trip (e.g. after a warm-up). */
    public void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    static int bucket(long micros) {
        if (micros < SUB_BUCKETS) {
            return (int) micros;
        }
        int power = 63 - Long.numberOfLeadingZeros(micros); // >= 4
        int sub = (int) ((micros >>> (power - 4)) & (SUB_BUCKETS - 1));
        int index = (power - 3) * SUB_BUCKETS + sub;
        return Math.min(index, POWERS * SUB_BUCKETS - 1);
    }

    static long upperMicros(int bucket) {
        if (bucket < SUB_BUCKETS) {
            return bucket + 1;
        }
        int power = bucket / SUB_BUCKETS + 3;
        int sub = bucket % SUB_BUCKETS;
        return ((long) (SUB_BUCKETS + sub + 1)) << (power - 4);
    }
}
