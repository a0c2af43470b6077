package io.vigil.alerts.clock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's clock-change rule. For two consecutive heartbeats,
 * {@code shift = (agentTime2 − agentTime1) − (received2 − received1)}; a change when {@code |shift|} exceeds the
 * threshold. A heartbeat carrying event 5004 is judged by {@code |changeSeconds|} of each such event instead (each
 * one counts), and not a second time by comparison. An Unlimited threshold never judges a change. Agent-supplied
 * values of any size are judged without overflow; the agent's own time texts are kept as sent.
 */
public final class ClockChangeRule {

    /** No agent time known. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    /** An event 5004 as carried by the heartbeat. */
    public record Reported(String time, long changeSeconds, String previousTime) {
    }

    /** One side of a comparison: agent time in ms (or {@link #UNKNOWN}) and, when known, as the agent wrote it. */
    public record AgentTime(long millis, String text) {

        public static final AgentTime NONE = new AgentTime(UNKNOWN, null);

        String display() {
            return text != null ? text : Instant.ofEpochMilli(millis).toString();
        }
    }

    private ClockChangeRule() {
    }

    /**
     * Judges one heartbeat.
     *
     * @param thresholdSeconds   threshold, negative for Unlimited
     * @param previous           agent time of the previous heartbeat, or {@link AgentTime#NONE}
     * @param previousReceivedAt receive time of the previous heartbeat, or {@link #UNKNOWN}
     * @param current            agent time of this heartbeat
     * @param receivedAt         receive time of this heartbeat
     * @param reported           the 5004 events carried by this heartbeat (never null)
     */
    public static List<ClockShift> judge(int thresholdSeconds, AgentTime previous, long previousReceivedAt,
                                         AgentTime current, long receivedAt, List<Reported> reported) {
        if (thresholdSeconds < 0) {
            return List.of();
        }
        if (!reported.isEmpty()) {
            List<ClockShift> shifts = new ArrayList<>();
            for (Reported event : reported) {
                long change = event.changeSeconds();
                if (change > thresholdSeconds || change < -(long) thresholdSeconds) {
                    shifts.add(new ClockShift(event.previousTime(), event.time(),
                            previousReceivedAt == UNKNOWN ? -1 : previousReceivedAt, receivedAt,
                            BigDecimal.valueOf(change).setScale(3), ClockShift.EVENT_5004));
                }
            }
            return shifts;
        }
        if (previous.millis() == UNKNOWN || previousReceivedAt == UNKNOWN || current.millis() == UNKNOWN) {
            return List.of();
        }
        BigDecimal shift = shiftSeconds(previous.millis(), previousReceivedAt, current.millis(), receivedAt);
        if (shift.abs().compareTo(BigDecimal.valueOf(thresholdSeconds)) <= 0) {
            return List.of();
        }
        return List.of(new ClockShift(previous.display(), current.display(), previousReceivedAt, receivedAt, shift,
                ClockShift.COMPARISON));
    }

    /** As above, for agent times known only in milliseconds. */
    public static List<ClockShift> judge(int thresholdSeconds, long previousAgentTime, long previousReceivedAt,
                                         long agentTime, long receivedAt, List<Reported> reported) {
        return judge(thresholdSeconds, new AgentTime(previousAgentTime, null), previousReceivedAt,
                new AgentTime(agentTime, null), receivedAt, reported);
    }

    /** {@code (agent2 − agent1) − (received2 − received1)} in seconds, exact (long arithmetic unless it overflows). */
    static BigDecimal shiftSeconds(long agent1, long received1, long agent2, long received2) {
        try {
            return BigDecimal.valueOf(Math.subtractExact(Math.subtractExact(agent2, agent1),
                    Math.subtractExact(received2, received1)), 3);
        } catch (ArithmeticException overflow) {
            BigDecimal agent = BigDecimal.valueOf(agent2).subtract(BigDecimal.valueOf(agent1));
            BigDecimal received = BigDecimal.valueOf(received2).subtract(BigDecimal.valueOf(received1));
            return agent.subtract(received).movePointLeft(3);
        }
    }

    /**
     * Epoch milliseconds of an RFC 3339 agent time, or {@link #UNKNOWN} when it is missing or unreadable. Times beyond
     * what epoch milliseconds can hold (about ±292 million years) are judged as that bound.
     */
    public static long parseAgentTime(String agentTime) {
        if (agentTime == null) {
            return UNKNOWN;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(agentTime).toInstant();
        } catch (DateTimeParseException e) {
            return UNKNOWN;
        }
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1000) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1000) {
            return UNKNOWN + 1;
        }
        return instant.toEpochMilli();
    }
}
