package io.vigil.alerts.outage;

/** Counts first misses per second over a sliding window (a ring of per-second buckets). */
public final class MissWindow {

    private final long[] seconds;
    private final long[] counts;

    public MissWindow(int windowSeconds) {
        seconds = new long[windowSeconds];
        counts = new long[windowSeconds];
    }

    public synchronized void add(long atMillis) {
        long second = Math.floorDiv(atMillis, 1000);
        int slot = (int) Math.floorMod(second, seconds.length);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** First misses judged in the window ending at {@code nowMillis}. */
    public synchronized long count(long nowMillis) {
        long now = Math.floorDiv(nowMillis, 1000);
        long total = 0;
        for (int i = 0; i < seconds.length; i++) {
            if (now - seconds[i] < seconds.length && seconds[i] <= now) {
                total += counts[i];
            }
        }
        return total;
    }

    /** Forgets every first miss counted so far (they belonged to an outage that has cleared). */
    public synchronized void clear() {
        java.util.Arrays.fill(counts, 0);
    }
}
