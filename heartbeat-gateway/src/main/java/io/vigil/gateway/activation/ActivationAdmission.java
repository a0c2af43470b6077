package io.vigil.gateway.activation;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Activations are queued fairly and the rest shed: at most {@code maxConcurrent} run at once, the others wait in
 * arrival order (a fair semaphore) for at most {@code queueWait}; one that still finds no room is told to come back
 * later ({@link Busy}, 503 + Retry-After) instead of timing out. Retry-After is how long the activations ahead of it
 * take at the rate of the last ten seconds, at least 1 s and at most {@code maxRetryAfter}.
 */
public final class ActivationAdmission {

    /** No room now: come back after {@code retryAfterSeconds}. */
    public static final class Busy extends Exception {
        private final long retryAfterSeconds;

        Busy(long retryAfterSeconds) {
            super("activations are queued; retry after " + retryAfterSeconds + " s", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** A place among the running activations; closing it frees the place and counts a completion. */
    public interface Ticket extends AutoCloseable {
        @Override
        void close();
    }

    private final int maxConcurrent;
    private final Duration queueWait;
    private final long maxRetryAfter;
    private final Semaphore places;
    private final CompletionRate rate;

    public ActivationAdmission(int maxConcurrent, Duration queueWait, long maxRetryAfter, LongSupplier nanoClock) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("max-concurrent must be at least 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.queueWait = queueWait;
        this.maxRetryAfter = maxRetryAfter;
        this.places = new Semaphore(maxConcurrent, true);
        this.rate = new CompletionRate(nanoClock);
    }

    /** Waits (in arrival order, at most the queue wait) for a place; throws {@link Busy} when none came free. */
    public Ticket enter() throws Busy, InterruptedException {
        if (!places.tryAcquire(queueWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new Busy(retryAfterSeconds(places.getQueueLength()));
        }
        boolean[] closed = {false};
        return () -> {
            synchronized (closed) {
                if (closed[0]) {
                    return;
                }
                closed[0] = true;
            }
            rate.completed();
            places.release();
        };
    }

    /** Seconds until the activations ahead of {@code waiting} more are likely done. */
    long retryAfterSeconds(int waiting) {
        double perSecond = rate.perSecond();
        double ahead = waiting + maxConcurrent;
        long seconds = perSecond <= 0 ? maxRetryAfter : (long) Math.ceil(ahead / perSecond);
        return Math.max(1, Math.min(maxRetryAfter, seconds));
    }

    /** Activations running now. */
    public int running() {
        return maxConcurrent - places.availablePermits();
    }

    /** Activations waiting for a place now. */
    public int waiting() {
        return places.getQueueLength();
    }
}
