package io.vigil.registry.status;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.cloudevents.CloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the engine's status transitions on {@code vigil.computer-status} (keyed by computer, so in order per
 * computer) and poison records on the dead-letter topic; {@link #publish} returns only when Kafka acknowledged all.
 */
public final class StatusPublisher {

    public static final String SOURCE = "/vigil/agent-registry";

    private final Producer<String, byte[]> producer;

    public StatusPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Sends a poison record to the dead-letter topic; the caller awaits the send through {@link #publish}. */
    public Future<RecordMetadata> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DEAD_LETTER, record.key(),
                record.value() == null ? new byte[0] : record.value());
        dead.headers().add("vigil.reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("vigil.source-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        return producer.send(dead);
    }

    /** Sends the transitions and waits until Kafka acknowledged them and the given earlier sends. */
    public void publish(List<Transition> transitions, List<Future<RecordMetadata>> earlier) {
        List<Future<RecordMetadata>> pending = new ArrayList<>(earlier);
        for (Transition t : transitions) {
            String key = CloudEvents.computerKey(t.data().computerID());
            CloudEvent<?> event = CloudEvents.create(t.eventId(), SOURCE, EventTypes.COMPUTER_STATUS_CHANGED, key,
                    t.data(), t.data().since());
            pending.add(producer.send(new ProducerRecord<>(Topics.COMPUTER_STATUS, key, EventJson.toBytes(event))));
        }
        try {
            for (Future<RecordMetadata> f : pending) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge status transitions: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing status transitions", e);
        }
    }
}
