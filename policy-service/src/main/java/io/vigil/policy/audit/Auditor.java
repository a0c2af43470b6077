package io.vigil.policy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.policy.publish.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/** Writes an {@link AuditRecord} for a console write into the outbox, in the write's own transaction. */
@ApplicationScoped
public class Auditor {

    public static final String SOURCE = "/vigil/policy-service";
    public static final String SERVICE = "policy-service";

    /**
     * @param key     the Kafka key: the computer ID for a computer, {@code policy:<ID>} for a policy
     * @param subject the CloudEvents subject (computer ID), or null
     */
    public Uni<Void> record(Mutiny.Session session, String actor, String action, String resource, String resourceID,
                            String key, String subject, Object before, Object after) {
        AuditRecord record = new AuditRecord(actor, action, resource, resourceID, Instant.now(), tree(before),
                tree(after), SERVICE);
        byte[] payload = EventJson.toBytes(CloudEvents.create(SOURCE, EventTypes.AUDIT, subject, record));
        return session.persist(OutboxMessage.of(Topics.AUDIT, key, payload));
    }

    private static JsonNode tree(Object value) {
        return value == null ? null : EventJson.mapper().valueToTree(value);
    }
}
