package io.vigil.alerts.clock;

import java.math.BigDecimal;

/**
 * A clock change judged from two heartbeats (or reported by event 5004).
 *
 * @param previousAgentTime  agent time of the earlier heartbeat as the agent sent it (for 5004: the agent's time
 *                           before the change)
 * @param agentTime          agent time of this heartbeat as the agent sent it (for 5004: the time after the change)
 * @param previousReceivedAt receive time (broker) of the earlier heartbeat, or -1 for 5004 without one
 * @param receivedAt         receive time (broker) of this heartbeat: the occurrence time
 * @param shiftSeconds       the signed shift in seconds (scale 3), exact however large
 * @param source             {@code comparison} or {@code event-5004}
 */
public record ClockShift(String previousAgentTime, String agentTime, long previousReceivedAt, long receivedAt,
                         BigDecimal shiftSeconds, String source) {

    public static final String COMPARISON = "comparison";
    public static final String EVENT_5004 = "event-5004";

    public ClockShift(String previousAgentTime, String agentTime, long previousReceivedAt, long receivedAt,
                      long shiftMillis, String source) {
        this(previousAgentTime, agentTime, previousReceivedAt, receivedAt, BigDecimal.valueOf(shiftMillis, 3),
                source);
    }

    /** The shift in milliseconds, saturated at the range of a long. */
    public long shiftMillis() {
        BigDecimal millis = shiftSeconds.movePointRight(3);
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (millis.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return millis.longValue();
    }
}
