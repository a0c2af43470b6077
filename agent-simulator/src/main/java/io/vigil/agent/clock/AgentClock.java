package io.vigil.agent.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The agent's own wall clock: a base clock plus a skew that can be changed on demand. A change of the skew at run
 * time is a clock jump and is reported as a {@link ClockChange}; the initial skew is just a clock that is wrong.
 * Uptime is measured on the monotonic clock, so it never depends on the wall clock.
 */
public final class AgentClock {

    private final Clock base;
    private final long startNanos = System.nanoTime();
    private volatile Duration skew;

    public AgentClock(Clock base, Duration initialSkew) {
        this.base = base;
        this.skew = initialSkew;
    }

    public static AgentClock system(Duration initialSkew) {
        return new AgentClock(Clock.systemUTC(), initialSkew);
    }

    /** The agent's wall-clock time. */
    public Instant now() {
        return base.instant().plus(skew);
    }

    public Duration skew() {
        return skew;
    }

    /** Milliseconds since this clock (the agent) started, on the monotonic clock. */
    public long uptimeMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Moves the wall clock by {@code delta} (positive: forward). */
    public synchronized ClockChange jump(Duration delta) {
        Instant now = base.instant();
        Instant before = now.plus(skew);
        skew = skew.plus(delta);
        return new ClockChange(before, now.plus(skew));
    }

    /** Sets the skew against the base clock to {@code newSkew}: a jump by the difference. */
    public synchronized ClockChange setSkew(Duration newSkew) {
        return jump(newSkew.minus(skew));
    }
}
