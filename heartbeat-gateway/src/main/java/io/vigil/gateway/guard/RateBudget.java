package io.vigil.gateway.guard;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: {@code perWindow} requests per window (or a size given per call), refilled evenly, burst at
 * most that size.
 * Buckets that have refilled completely are forgotten by {@link #sweep()}, so a fleet that keeps to its budget holds
 * only the buckets of computers that spoke recently (about {@code 1/perWindow} of them).
 */
public final class RateBudget {

    private final int perWindow;
    private final LongSupplier nanos;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;
        long windowNanos;
        int size;
    }

    public RateBudget(int perWindow, LongSupplier nanos) {
        if (perWindow < 1) {
            throw new IllegalArgumentException("the budget must allow at least 1 request per window");
        }
        this.perWindow = perWindow;
        this.nanos = nanos;
    }

    /** Takes one request from the key's budget: 0 when admitted, else the whole seconds until the next one is. */
    public long acquire(long key, Duration window) {
        return acquire(key, perWindow, window);
    }

    /**
     * Takes one request from the key's budget of {@code size} requests per {@code window} (a key's size and window may
     * change between calls, e.g. with its heartbeat interval): 0 when admitted, else the whole seconds until the next
     * one is.
     */
    public long acquire(long key, int size, Duration window) {
        if (size < 1) {
            throw new IllegalArgumentException("the budget must allow at least 1 request per window");
        }
        long windowNanos = Math.max(1, window.toNanos());
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = size;
            fresh.size = size; // complete before a sweep may see it
            fresh.windowNanos = windowNanos;
            fresh.at = now;
            return fresh;
        });
        synchronized (bucket) {
            refill(bucket, now, size, windowNanos);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double nanosToNext = (1 - bucket.tokens) * windowNanos / size;
            return Math.max(1, (long) Math.ceil(nanosToNext / 1e9 - 1e-6)); // no extra second from rounding
        }
    }

    private static void refill(Bucket bucket, long now, int size, long windowNanos) {
        bucket.windowNanos = windowNanos;
        bucket.size = size;
        bucket.tokens = Math.min(size, bucket.tokens + (double) (now - bucket.at) * size / windowNanos);
        bucket.at = now;
    }

    /** Forgets every bucket that is full again; returns how many remain. */
    public int sweep() {
        long now = nanos.getAsLong();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                refill(bucket, now, bucket.size, bucket.windowNanos == 0 ? 1 : bucket.windowNanos);
                return bucket.tokens >= bucket.size;
            }
        });
        return buckets.size();
    }

    public int size() {
        return buckets.size();
    }
}
