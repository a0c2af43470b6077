package io.vigil.registry.audit;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.registry.outbox.Outbox;
import io.vigil.registry.status.StatusPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Publishes {@link AuditRecord}s on {@code vigil.audit} through the outbox, in the transaction of the write. */
@ApplicationScoped
public class AuditLog {

    public static final String SERVICE = "agent-registry";
    public static final String AGENT = "agent";

    private final Outbox outbox;

    public AuditLog(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * @param key    the Kafka key: the computer ID when the write concerns one computer, else e.g. {@code token:5}
     * @param before the state before (a record or map, mapped to JSON), null for creations
     * @param after  the state after, null for deletions
     */
    public void record(String key, String actor, String action, String resource, String resourceID, Object before,
                       Object after) {
        AuditRecord record = new AuditRecord(actor, action, resource, resourceID, Instant.now(),
                before == null ? null : EventJson.mapper().valueToTree(before),
                after == null ? null : EventJson.mapper().valueToTree(after), SERVICE);
        outbox.add(Topics.AUDIT, key, CloudEvents.create(StatusPublisher.SOURCE, EventTypes.AUDIT,
                resource.equals("computer") ? resourceID : null, record));
    }
}
