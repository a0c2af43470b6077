package io.vigil.alerts.liveness;

import io.vigil.alerts.clock.ClockChangeRule;
import io.vigil.alerts.clock.ClockChangeRule.AgentTime;
import io.vigil.alerts.clock.ClockShift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The heartbeats of a computer heard before its own settings reached this service (the heartbeats ran ahead of the
 * configuration: a computer just activated, policy-service slow or down). Their clock changes, reported (5004) or seen
 * by comparing agent times, are judged once, with the threshold the settings bring; until then the computer has no
 * threshold of its own, and judging them with the defaults (Unlimited) would drop them for good. At most
 * {@value #LIMIT} heartbeats are kept, the latest.
 */
final class UnjudgedClockChanges {

    static final int LIMIT = 16;

    /** What the clock-change rule needs of one heartbeat, as {@link ClockChangeRule#judge} takes it. */
    private record Heard(AgentTime previous, long previousReceivedAt, AgentTime current, long receivedAt,
                         List<ClockChangeRule.Reported> reported) {
    }

    private final Deque<Heard> heard = new ArrayDeque<>();

    /** Keeps one heartbeat; returns the instance to keep (a new one when {@code kept} is null). */
    static UnjudgedClockChanges keep(UnjudgedClockChanges kept, AgentTime previous, long previousReceivedAt,
                                     AgentTime current, long receivedAt, List<ClockChangeRule.Reported> reported) {
        UnjudgedClockChanges changes = kept == null ? new UnjudgedClockChanges() : kept;
        if (changes.heard.size() == LIMIT) {
            changes.heard.removeFirst();
        }
        changes.heard.addLast(new Heard(previous, previousReceivedAt, current, receivedAt, List.copyOf(reported)));
        return changes;
    }

    /** The shifts beyond {@code thresholdSeconds} (negative: Unlimited, none), oldest first. */
    List<ClockShift> judge(int thresholdSeconds) {
        List<ClockShift> shifts = new ArrayList<>();
        for (Heard h : heard) {
            shifts.addAll(ClockChangeRule.judge(thresholdSeconds, h.previous(), h.previousReceivedAt(), h.current(),
                    h.receivedAt(), h.reported()));
        }
        return shifts;
    }
}
