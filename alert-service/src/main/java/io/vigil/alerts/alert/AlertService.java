package io.vigil.alerts.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigil.alerts.alert.AlertRules.Action;
import io.vigil.alerts.alert.AlertRules.Stored;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.alerts.outbox.OutboxRelay;
import io.vigil.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Applies the engine's judgements to the stored alerts (idempotently, see {@link AlertRules}). */
@ApplicationScoped
public class AlertService {

    private final AlertTransitions transitions;
    private final OutboxRelay relay;

    public AlertService(AlertTransitions transitions, OutboxRelay relay) {
        this.transitions = transitions;
        this.relay = relay;
    }

    private <T> Uni<T> inTransaction(java.util.function.Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).invoke(relay::nudge);
    }

    private static Uni<Optional<AlertEntity>> find(String query, Object... params) {
        return AlertEntity.<AlertEntity>find(query, params).firstResult().map(Optional::ofNullable);
    }

    private static Optional<Stored> stored(Optional<AlertEntity> alert) {
        return alert.map(a -> new Stored(a.id, a.alertState(), a.episode, a.lastOccurrenceAt.toEpochMilli()));
    }

    /** Raises agent-offline unless this silence already has one; true when raised. */
    public Uni<Boolean> raiseOffline(Outcome.OfflineAlert offline) {
        return raiseOffline(List.of(offline)).map(raised -> !raised.isEmpty());
    }

    /**
     * Raises agent-offline for each silence that has none yet, in one transaction (after a rebuild many deadlines are
     * judged again at once); returns those raised now.
     */
    public Uni<List<Outcome.OfflineAlert>> raiseOffline(List<Outcome.OfflineAlert> offline) {
        List<Long> computers = offline.stream().map(Outcome.OfflineAlert::computerID).distinct().toList();
        return inTransaction(() -> AlertEntity.<AlertEntity>find("computerId in ?1 and alertType = ?2", computers,
                AlertType.AGENT_OFFLINE.id()).list().flatMap(existing -> {
                    Set<String> silences = new HashSet<>();
                    existing.forEach(a -> silences.add(a.computerId + "@" + a.episode));
                    // a silence is known if stored, or earlier in this batch (a computer judged twice)
                    List<Outcome.OfflineAlert> raise = offline.stream().filter(o -> AlertRules.offline(
                            !silences.add(o.computerID() + "@" + o.lastHeartbeatAt())) == Action.RAISE).toList();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Outcome.OfflineAlert alert : raise) {
                        chain = chain.chain(() -> transitions.raise(AlertType.AGENT_OFFLINE, alert.computerID(),
                                alert.hostName(), Instant.now(), alert.lastHeartbeatAt(), offlineDetails(alert), 1)
                                .replaceWithVoid());
                    }
                    return chain.replaceWith(raise);
                }));
    }

    private static String offlineDetails(Outcome.OfflineAlert offline) {
        ObjectNode details = AlertMapper.newDetails();
        details.put("lastHeartbeatAt", offline.lastHeartbeatAt());
        details.put("deadline", offline.deadline());
        details.put("missedHeartbeats", offline.missedHeartbeats());
        details.put("heartbeatIntervalSeconds", offline.intervalSeconds());
        details.put("missedHeartbeatThreshold", offline.missedThreshold());
        return details.toString();
    }

    /** Clears the active agent-offline alert of a silence that the computer has ended (or Unlimited/deactivation). */
    public Uni<Boolean> clearOffline(Outcome.OfflineCleared cleared) {
        return inTransaction(() -> find("computerId = ?1 and alertType = ?2 and state = 'active'",
                cleared.computerID(), AlertType.AGENT_OFFLINE.id()).flatMap(active -> {
                    if (AlertRules.clearOffline(stored(active), cleared.lastHeartbeatAt()) != Action.CLEAR) {
                        return Uni.createFrom().item(false);
                    }
                    AlertEntity alert = active.orElseThrow();
                    ObjectNode details = AlertMapper.details(alert);
                    details.put("clearedBecause", cleared.reason());
                    if (cleared.reconnectAt() >= 0) {
                        details.put("reconnectedAt", cleared.reconnectAt());
                    }
                    alert.details = details.toString();
                    alert.state = AlertState.CLEARED.id();
                    alert.endedAt = Instant.ofEpochMilli(cleared.at());
                    return transitions.changed(alert, EventTypes.ALERT_CLEARED, Instant.now()).map(a -> true);
                }));
    }

    /** Raises clock-change, or counts a repeat on the active one. */
    public Uni<Boolean> clockChange(Outcome.ClockChangeDetected change) {
        long at = change.shift().receivedAt();
        String type = AlertType.CLOCK_CHANGE.id();
        return inTransaction(() -> find("computerId = ?1 and alertType = ?2 order by lastOccurrenceAt desc",
                change.computerID(), type).flatMap(latest -> {
                    Optional<AlertEntity> active = latest.filter(a -> a.alertState() == AlertState.ACTIVE);
                    long latestOccurrence = latest.map(a -> a.lastOccurrenceAt.toEpochMilli()).orElse(Long.MIN_VALUE);
                    Action action = AlertRules.clockChange(stored(active), latestOccurrence, at);
                    ObjectNode details = ClockDetails.of(change.shift());
                    return switch (action) {
                        case RAISE -> transitions.raise(AlertType.CLOCK_CHANGE, change.computerID(),
                                change.hostName(), Instant.ofEpochMilli(at), at, details.toString(),
                                change.occurrences()).map(a -> true);
                        case UPDATE -> {
                            AlertEntity alert = active.orElseThrow();
                            alert.occurrences += change.occurrences();
                            alert.lastOccurrenceAt = Instant.ofEpochMilli(at);
                            alert.details = details.toString();
                            yield transitions.changed(alert, EventTypes.ALERT_UPDATED, Instant.ofEpochMilli(at))
                                    .map(a -> true);
                        }
                        default -> Uni.createFrom().item(false);
                    };
                }));
    }
}
