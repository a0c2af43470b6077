package io.vigil.alerts.clock;

/**
 * A clock change judged from two heartbeats (or reported by event 5004).
 *
 * @param previousAgentTime  agent time of the earlier heartbeat (for 5004: the agent's time before the change)
 * @param agentTime          agent time of this heartbeat (for 5004: the agent's time after the change)
 * @param previousReceivedAt receive time (broker) of the earlier heartbeat, or -1 for 5004 without one
 * @param receivedAt         receive time (broker) of this heartbeat: the occurrence time
 * @param shiftMillis        the signed shift in milliseconds
 * @param source             {@code comparison} or {@code event-5004}
 */
public record ClockShift(String previousAgentTime, String agentTime, long previousReceivedAt, long receivedAt,
                         long shiftMillis, String source) {

    public static final String COMPARISON = "comparison";
    public static final String EVENT_5004 = "event-5004";
}
