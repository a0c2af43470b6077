package io.vigil.alerts.alert;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigil.alerts.outbox.Outbox;
import io.vigil.alerts.outbox.OutboxRelay;
import io.vigil.console.ProblemException;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvents;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** A console user dismisses an alert: the change, its {@code vigil.alerts} event and its audit event, atomically. */
@ApplicationScoped
public class AlertDismissal {

    private final AlertTransitions transitions;
    private final Outbox outbox;
    private final OutboxRelay relay;

    public AlertDismissal(AlertTransitions transitions, Outbox outbox, OutboxRelay relay) {
        this.transitions = transitions;
        this.outbox = outbox;
        this.relay = relay;
    }

    public Uni<AlertView> dismiss(long id, String actor) {
        return Panache.withTransaction(() -> AlertEntity.<AlertEntity>findById(id).flatMap(alert -> {
            if (alert == null) {
                return Uni.createFrom().failure(ProblemException.notFound("alert", id));
            }
            AlertRules.refuseDismissal(alert.type(), alert.alertState()).ifPresent(reason -> {
                throw ProblemException.conflict(reason);
            });
            JsonNode before = EventJson.mapper().valueToTree(AlertMapper.toView(alert));
            Instant now = Instant.now();
            alert.state = AlertState.DISMISSED.id();
            alert.endedAt = now;
            return transitions.changed(alert, EventTypes.ALERT_DISMISSED, now).call(saved -> audit(saved, before,
                    actor, now));
        })).invoke(relay::nudge).map(AlertMapper::toView);
    }

    private Uni<Void> audit(AlertEntity alert, JsonNode before, String actor, Instant at) {
        JsonNode after = EventJson.mapper().valueToTree(AlertMapper.toView(alert));
        AuditRecord record = new AuditRecord(actor, "alert.dismissed", "alert", Long.toString(alert.id), at, before,
                after, "alert-service");
        String key = alert.computerId != null ? CloudEvents.computerKey(alert.computerId) : "alert:" + alert.id;
        return outbox.add(Topics.AUDIT, key, CloudEvents.create(java.util.UUID.randomUUID().toString(),
                AlertTransitions.SOURCE, EventTypes.AUDIT, alert.computerId == null ? null : key, record, at));
    }
}
