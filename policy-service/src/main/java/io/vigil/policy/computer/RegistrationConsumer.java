package io.vigil.policy.computer;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.computer.ComputerRegistration;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consumes {@code vigil.internal.computers} in batches. Poison records go to the dead-letter topic (through the
 * outbox, in the batch's transaction); the batch is acknowledged only after its transaction committed.
 */
@ApplicationScoped
public class RegistrationConsumer {

    private static final Logger LOG = Logger.getLogger(RegistrationConsumer.class);
    private static final Set<String> TYPES = Set.of("physical", "virtual-machine", "appliance");

    @Inject
    ComputerRegistry registry;
    @Inject
    Relay relay;
    @Inject
    MeterRegistry metrics;

    @Incoming("computers")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        Map<Long, ComputerRegistration> latest = new LinkedHashMap<>();
        List<OutboxMessage> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ComputerRegistration registration = read(record);
                latest.remove(registration.computerID());
                latest.put(registration.computerID(), registration);
            } catch (RuntimeException e) { // malformed, or anything else this record alone causes
                OutboxMessage letter = deadLetter(record, e);
                LOG.warnf("dead-lettering %s record at partition %d offset %d: %s", record.topic(), record.partition(),
                        record.offset(), letter.reason);
                deadLetters.add(letter);
            }
        }
        long started = System.nanoTime();
        return registry.apply(latest.values(), deadLetters)
                .invoke(() -> LOG.debugf("applied %s registrations in %s ms", latest.size(),
                        (System.nanoTime() - started) / 1_000_000))
                .invoke(() -> metrics.counter("vigil.policy.dead.letters", "topic", Topics.COMPUTERS)
                        .increment(deadLetters.size()))
                .onFailure().invoke(e -> LOG.warnf("computers batch not applied, retrying: %s", e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .invoke(relay::kick);
    }

    /**
     * The dead letter of a record: its value as it came (bytes), its key and the reason as text PostgreSQL can store
     * (no NUL, no unpaired surrogate, the reason at most 2000 characters), so that writing the letter never fails the
     * batch, which would retry forever and stall the partition.
     */
    public static OutboxMessage deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
        String reason = cause instanceof EventJson.MalformedEventException ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        OutboxMessage letter = OutboxMessage.of(Topics.DEAD_LETTER, StorableText.of(record.key(), 1000),
                record.value());
        letter.reason = StorableText.of(reason, 2000);
        letter.sourceTopic = record.topic();
        return letter;
    }

    /** The registration of a record; a tombstone deactivates the computer its key names. */
    static ComputerRegistration read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            long id = parseKey(record.key());
            return new ComputerRegistration(id, null, null, null, null, null, 0, null, 0, null,
                    ComputerRegistration.DEACTIVATED, null, null, Instant.EPOCH);
        }
        CloudEvent<ComputerRegistration> event = EventJson.readEvent(record.value(), ComputerRegistration.class);
        ComputerRegistration data = event.data();
        if (data == null || data.computerID() <= 0) {
            throw new EventJson.MalformedEventException("data.computerID is missing or not positive");
        }
        if (!data.deactivated() && (data.computerType() == null || !TYPES.contains(data.computerType()))) {
            throw new EventJson.MalformedEventException("data.computerType must be one of " + TYPES);
        }
        return data;
    }

    private static long parseKey(String key) {
        try {
            long id = Long.parseLong(key);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new EventJson.MalformedEventException("a tombstone whose key is not a computer ID: " + key);
    }
}
