package io.vigil.system;

import io.vigil.agent.ReferenceAgent;
import io.vigil.agent.SentHeartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For each offline alert raised for an agent that kept beating: what happened to its heartbeats around the deadline,
 * as the agent saw them (sent, answered after) and as the platform did (the gateway's receive time, the broker's
 * append time). Tells a heartbeat the agent had not sent from one the platform held.
 */
final class FalseAlertTimeline {

    /** Before the deadline: the (N+1)·I + G of a 1-second fleet, and as much again. */
    private static final Duration BEFORE = Duration.ofSeconds(7);
    private static final Duration AFTER = Duration.ofSeconds(4);

    /** What one false alert looked like. */
    record Case(long computerID, Instant deadline, List<SentHeartbeat> sent,
                List<RecordedHeartbeats.Recorded> recorded) {

        String describe() {
            StringBuilder text = new StringBuilder("false offline alert for computer " + computerID + ", deadline "
                    + deadline + "\n");
            sent.forEach(s -> text.append(String.format("  agent sent %s (deadline %+6d ms), %s%n", s.sentAt(),
                    Duration.between(deadline, s.sentAt()).toMillis(), s.roundTrip() == null ? "unanswered"
                            : "answered " + s.status() + " after " + s.roundTrip().toMillis() + " ms")));
            recorded.forEach(r -> text.append(String.format("  gateway received %s (deadline %+6d ms), appended %s "
                    + "(deadline %+6d ms)%n", r.receivedAt(), Duration.between(deadline, r.receivedAt()).toMillis(),
                    r.appendedAt(), Duration.between(deadline, r.appendedAt()).toMillis())));
            return text.toString();
        }
    }

    private FalseAlertTimeline() {
    }

    static List<Case> of(String bootstrapServers, List<PlatformProbe.OfflineAlert> alerts,
                         Map<Long, ReferenceAgent> agents) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Instant from = alerts.stream().map(PlatformProbe.OfflineAlert::deadline).min(Comparator.naturalOrder())
                .orElseThrow().minus(BEFORE);
        Instant to = alerts.stream().map(PlatformProbe.OfflineAlert::deadline).max(Comparator.naturalOrder())
                .orElseThrow().plus(AFTER);
        Set<Long> ids = alerts.stream().map(PlatformProbe.OfflineAlert::computerID).collect(Collectors.toSet());
        Map<Long, List<RecordedHeartbeats.Recorded>> recorded = RecordedHeartbeats.between(bootstrapServers, from, to)
                .stream().filter(r -> ids.contains(r.computerID()))
                .collect(Collectors.groupingBy(RecordedHeartbeats.Recorded::computerID));
        List<Case> cases = new ArrayList<>();
        for (PlatformProbe.OfflineAlert alert : alerts) {
            Instant start = alert.deadline().minus(BEFORE);
            Instant end = alert.deadline().plus(AFTER);
            List<SentHeartbeat> sent = agents.get(alert.computerID()).recentHeartbeats().stream()
                    .filter(s -> !s.sentAt().isBefore(start) && s.sentAt().isBefore(end)).toList();
            List<RecordedHeartbeats.Recorded> records = recorded.getOrDefault(alert.computerID(), List.of()).stream()
                    .filter(r -> !r.appendedAt().isBefore(start) && r.appendedAt().isBefore(end))
                    .sorted(Comparator.comparing(RecordedHeartbeats.Recorded::appendedAt)).toList();
            cases.add(new Case(alert.computerID(), alert.deadline(), sent, records));
        }
        return cases;
    }
}
