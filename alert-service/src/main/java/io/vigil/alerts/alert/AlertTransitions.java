package io.vigil.alerts.alert;

import io.smallrye.mutiny.Uni;
import io.vigil.alerts.outbox.Outbox;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Persists an alert transition and puts its {@code vigil.alerts} event into the outbox, in the same transaction. */
@ApplicationScoped
@Startup // its counters exist at 0 from the start: dashboards and alert rules see a series before the first event
public class AlertTransitions {

    static final String SOURCE = "/vigil/alert-service";

    private final Outbox outbox;
    private final MeterRegistry meters;

    public AlertTransitions(Outbox outbox, MeterRegistry meters) {
        this.outbox = outbox;
        this.meters = meters;
        for (AlertType type : AlertType.values()) { // at 0 from the start, so that rate() and increase() see the first
            meters.counter("vigil.alerts.raised", "alertType", type.id());
            meters.counter("vigil.alerts.cleared", "alertType", type.id());
        }
    }

    public Uni<AlertEntity> raise(AlertType type, Long computerId, String hostName, Instant at, long episode,
                                  String details, int occurrences) {
        AlertEntity alert = new AlertEntity();
        alert.alertType = type.id();
        alert.computerId = computerId;
        alert.hostName = hostName;
        alert.state = AlertState.ACTIVE.id();
        alert.raisedAt = at;
        alert.lastOccurrenceAt = at;
        alert.occurrences = occurrences;
        alert.episode = episode;
        alert.details = details;
        return alert.<AlertEntity>persistAndFlush()
                .call(saved -> publish(saved, EventTypes.ALERT_RAISED, at))
                .invoke(() -> meters.counter("vigil.alerts.raised", "alertType", type.id()).increment());
    }

    /** Publishes the alert's current form as {@code type}; the caller has changed the entity in this session. */
    public Uni<AlertEntity> changed(AlertEntity alert, String eventType, Instant at) {
        if (EventTypes.ALERT_CLEARED.equals(eventType)) {
            meters.counter("vigil.alerts.cleared", "alertType", alert.alertType).increment();
        }
        return alert.<AlertEntity>persistAndFlush().call(saved -> publish(saved, eventType, at));
    }

    private Uni<Void> publish(AlertEntity alert, String eventType, Instant at) {
        String key = alert.computerId != null ? CloudEvents.computerKey(alert.computerId) : "alert:" + alert.alertType;
        String subject = alert.computerId != null ? CloudEvents.computerKey(alert.computerId) : null;
        return outbox.add(Topics.ALERTS, key, CloudEvents.create(java.util.UUID.randomUUID().toString(), SOURCE,
                eventType, subject, AlertMapper.toData(alert), at));
    }
}
