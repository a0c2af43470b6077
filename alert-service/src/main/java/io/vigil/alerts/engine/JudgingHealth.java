package io.vigil.alerts.engine;

/**
 * Whether an engine is judging deadlines: it has joined its group, every assigned partition has a watermark, and the
 * watermark is no older than {@code maxHoldBack}. After a failure it is not judging until it has caught up again.
 * The time it has not been judging (0 while it is) is what readiness and the metric report.
 */
public final class JudgingHealth {

    private final long maxHoldBackMillis;
    private volatile long judgingAt;
    private volatile boolean failing;
    private volatile boolean assigned;
    private volatile long failures;

    public JudgingHealth(long maxHoldBackMillis, long startedAt) {
        this.maxHoldBackMillis = maxHoldBackMillis;
        this.judgingAt = startedAt;
    }

    /** The consumer joined its group (with any assignment, also an empty one) or lost it. */
    void assigned(boolean joined) {
        assigned = joined;
    }

    /** The engine failed and rebuilds: not judging until it has caught up again. */
    void failed() {
        failing = true;
        failures++;
    }

    /**
     * One pass of the loop at {@code now}: {@code holdBack} is now minus the lowest watermark (-1 while a partition
     * has none yet).
     */
    void passed(long now, long holdBack) {
        if (assigned && holdBack >= 0 && holdBack <= maxHoldBackMillis) {
            judgingAt = now;
            failing = false;
        }
    }

    /** Milliseconds since the engine last judged (0 while it judges); counts from the start before the first. */
    public long notJudgingMillis(long now) {
        long since = now - judgingAt;
        return failing ? Math.max(since, 1) : since <= maxHoldBackMillis ? 0 : since;
    }

    public boolean judging(long now) {
        return notJudgingMillis(now) == 0;
    }

    public long failures() {
        return failures;
    }
}
