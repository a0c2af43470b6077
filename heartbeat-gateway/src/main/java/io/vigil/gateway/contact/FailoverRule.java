package io.vigil.gateway.contact;

/**
 * When a replica polls a Manager Initiated computer it has just come to own (at its start, after another replica died
 * or left, or when the computer is new). A polled computer depends on the platform for its heartbeats, so a failover
 * must not cost it any: the new owner cannot know when the previous owner last polled, so a computer this replica
 * has not polled within its interval is polled at once. One it polled itself within its interval (its partition came
 * back) keeps its rhythm. After a poll at once, the next one follows within one interval, earlier by a per-computer
 * offset of less than half the interval, so that computers taken over together do not stay in one burst.
 * Times in milliseconds; plain Java, no state.
 */
public final class FailoverRule {

    private FailoverRule() {
    }

    /**
     * @param lastPolledMillis when this replica last polled the computer, null if it never did
     * @return when the newly owned computer is first due: {@code nowMillis} (at once) or its next regular poll
     */
    public static long firstDue(Long lastPolledMillis, long intervalMillis, long nowMillis) {
        if (lastPolledMillis == null || lastPolledMillis > nowMillis
                || nowMillis - lastPolledMillis >= intervalMillis) {
            return nowMillis;
        }
        return lastPolledMillis + intervalMillis;
    }

    /**
     * @param offsetMillis the computer's stable offset, in [0, {@link #maxOffset})
     * @return when the poll after a poll at once is due: within one interval, never sooner than half of it
     */
    public static long afterPollAtOnce(long polledMillis, long intervalMillis, long offsetMillis) {
        long offset = Math.clamp(offsetMillis, 0, maxOffset(intervalMillis, Long.MAX_VALUE));
        return polledMillis + intervalMillis - offset;
    }

    /** The largest offset: less than half the interval and than the configured spread. */
    public static long maxOffset(long intervalMillis, long spreadMillis) {
        return Math.max(0, Math.min((intervalMillis - 1) / 2, spreadMillis - 1));
    }
}
