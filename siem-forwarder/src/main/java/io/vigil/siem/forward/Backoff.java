package io.vigil.siem.forward;

import java.time.Duration;

/** Exponential backoff between delivery attempts: initial, doubled after each failure, capped; reset on success. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.current = initial;
    }

    /** The wait before the next attempt; the one after it is twice as long, up to the maximum. */
    public Duration next() {
        Duration wait = current;
        Duration doubled = current.multipliedBy(2);
        current = doubled.compareTo(max) > 0 ? max : doubled;
        return wait;
    }

    public void reset() {
        current = initial;
    }
}
