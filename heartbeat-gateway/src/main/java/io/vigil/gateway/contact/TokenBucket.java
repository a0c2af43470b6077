package io.vigil.gateway.contact;

/**
 * A token bucket: {@code ratePerSecond} tokens per second, holding at most one second's worth (so a burst never
 * exceeds the rate). Times are nanoseconds of a monotonic clock. Thread-safe.
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    public TokenBucket(int ratePerSecond, long nowNanos) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = ratePerSecond;
        this.tokens = 1; // start nearly empty: a restart never bursts a whole second's worth
        this.lastNanos = nowNanos;
    }

    /**
     * Takes one token if there is one and answers 0; otherwise takes nothing and answers how many nanoseconds until
     * one is available.
     */
    public synchronized long tryTake(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * ratePerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / ratePerNano);
    }
}
