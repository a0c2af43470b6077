package io.vigil.alerts.clock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's clock-change rule. For two consecutive heartbeats,
 * {@code shift = (agentTime2 − agentTime1) − (received2 − received1)}; a change when {@code |shift|} exceeds the
 * threshold. A heartbeat carrying event 5004 is judged by {@code |changeSeconds|} of each such event instead, and not
 * a second time by comparison. An Unlimited threshold never judges a change.
 */
public final class ClockChangeRule {

    /** No agent time known. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    /** An event 5004 as carried by the heartbeat. */
    public record Reported(String time, long changeSeconds, String previousTime) {
    }

    private ClockChangeRule() {
    }

    /**
     * Judges one heartbeat.
     *
     * @param thresholdSeconds   threshold, negative for Unlimited
     * @param previousAgentTime  agent time (ms) of the previous heartbeat, or {@link #UNKNOWN}
     * @param previousReceivedAt receive time of the previous heartbeat, or {@link #UNKNOWN}
     * @param agentTime          agent time (ms) of this heartbeat, or {@link #UNKNOWN}
     * @param receivedAt         receive time of this heartbeat
     * @param reported           the 5004 events carried by this heartbeat (never null)
     */
    public static List<ClockShift> judge(int thresholdSeconds, long previousAgentTime, long previousReceivedAt,
                                         long agentTime, long receivedAt, List<Reported> reported) {
        if (thresholdSeconds < 0) {
            return List.of();
        }
        long limitMillis = thresholdSeconds * 1000L;
        if (!reported.isEmpty()) {
            List<ClockShift> shifts = new ArrayList<>();
            for (Reported event : reported) {
                if (Math.abs(event.changeSeconds()) * 1000L > limitMillis) {
                    shifts.add(new ClockShift(event.previousTime(), event.time(),
                            previousReceivedAt == UNKNOWN ? -1 : previousReceivedAt, receivedAt,
                            event.changeSeconds() * 1000L, ClockShift.EVENT_5004));
                }
            }
            return shifts;
        }
        if (previousAgentTime == UNKNOWN || previousReceivedAt == UNKNOWN || agentTime == UNKNOWN) {
            return List.of();
        }
        long shift = (agentTime - previousAgentTime) - (receivedAt - previousReceivedAt);
        if (Math.abs(shift) <= limitMillis) {
            return List.of();
        }
        return List.of(new ClockShift(Instant.ofEpochMilli(previousAgentTime).toString(),
                Instant.ofEpochMilli(agentTime).toString(), previousReceivedAt, receivedAt, shift,
                ClockShift.COMPARISON));
    }

    /** Epoch milliseconds of an RFC 3339 agent time, or {@link #UNKNOWN} when it is missing or unreadable. */
    public static long parseAgentTime(String agentTime) {
        if (agentTime == null) {
            return UNKNOWN;
        }
        try {
            return OffsetDateTime.parse(agentTime).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return UNKNOWN;
        }
    }
}
