package io.vigil.policy.apikey;

import io.smallrye.mutiny.Uni;
import io.vigil.events.EventJson;
import io.vigil.events.apikey.ApiKeyUsed;
import io.vigil.policy.computer.RegistrationConsumer;
import io.vigil.policy.publish.OutboxMessage;
import io.vigil.policy.publish.Relay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Consumes {@code vigil.internal.api-key-usage} in batches: the latest reported use per key becomes the key's last use
 * (never moving back). An unreadable report goes to the dead-letter topic; the batch is acknowledged after its
 * transaction committed.
 */
@ApplicationScoped
public class ApiKeyUsageConsumer {

    private static final Logger LOG = Logger.getLogger(ApiKeyUsageConsumer.class);

    @Inject
    ApiKeyService keys;
    @Inject
    Relay relay;

    @Incoming("api-key-usage")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        Map<Long, Instant> latest = new HashMap<>();
        List<OutboxMessage> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ApiKeyUsed used = read(record);
                latest.merge(used.keyID(), used.lastUsed(), (a, b) -> a.isAfter(b) ? a : b);
            } catch (RuntimeException e) {
                OutboxMessage letter = RegistrationConsumer.deadLetter(record, e);
                LOG.warnf("dead-lettering %s record at offset %d: %s", record.topic(), record.offset(), letter.reason);
                deadLetters.add(letter);
            }
        }
        return keys.used(latest, deadLetters)
                .onFailure().invoke(e -> LOG.warnf("API key usage batch not applied, retrying: %s", e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .invoke(() -> {
                    if (!deadLetters.isEmpty()) {
                        relay.kick();
                    }
                });
    }

    static ApiKeyUsed read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new EventJson.MalformedEventException("a usage report has a value");
        }
        ApiKeyUsed used = EventJson.readEvent(record.value(), ApiKeyUsed.class).data();
        if (used == null || used.keyID() <= 0 || used.lastUsed() == null) {
            throw new EventJson.MalformedEventException("data.keyID and data.lastUsed are required");
        }
        return used;
    }
}
