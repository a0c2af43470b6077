package io.vigil.gateway.activation;

import java.util.function.LongSupplier;

/** Completions per second over the last ten whole seconds (ten one-second buckets, oldest overwritten). */
final class CompletionRate {

    private static final int SECONDS = 10;

    private final LongSupplier nanoClock;
    private final long[] counts = new long[SECONDS];
    private final long[] stamps = new long[SECONDS];

    CompletionRate(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        java.util.Arrays.fill(stamps, Long.MIN_VALUE);
    }

    synchronized void completed() {
        long second = second();
        int i = (int) Math.floorMod(second, SECONDS);
        if (stamps[i] != second) {
            stamps[i] = second;
            counts[i] = 0;
        }
        counts[i]++;
    }

    /** Completions per second over the ten seconds before the current one. */
    synchronized double perSecond() {
        long now = second();
        long total = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (stamps[i] != Long.MIN_VALUE && stamps[i] < now && stamps[i] >= now - SECONDS) {
                total += counts[i];
            }
        }
        return total / (double) SECONDS;
    }

    private long second() {
        return Math.floorDiv(nanoClock.getAsLong(), 1_000_000_000L);
    }
}
