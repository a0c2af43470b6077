package io.vigil.alerts.outbox;

import io.smallrye.mutiny.Uni;
import io.vigil.events.EventJson;
import io.vigil.events.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Adds events to the outbox inside the caller's transaction; {@link OutboxRelay} publishes them after the commit. */
@ApplicationScoped
public class Outbox {

    public Uni<Void> add(String topic, String key, CloudEvent<?> event) {
        OutboxEntity row = new OutboxEntity();
        row.topic = topic;
        row.recordKey = key;
        row.eventId = event.id();
        row.payload = EventJson.toJson(event);
        row.createdAt = Instant.now();
        return row.persist().replaceWithVoid();
    }
}
