package io.vigil.gateway.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.vigil.events.EventJson;
import io.vigil.events.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's one Kafka producer: acks=all, idempotent, and bounded so that a send fails (and the agent gets 503)
 * well within 10 seconds when Kafka is down.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "7000");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "heartbeat-gateway");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** One event to publish: topic, key and CloudEvent (null: a tombstone, on compacted topics). */
    public record Outgoing(String topic, String key, CloudEvent<?> event) {
    }

    /** Completes when Kafka acknowledged every record (acks=all), exceptionally when any failed. */
    public CompletableFuture<Void> publish(List<Outgoing> events) {
        CompletableFuture<?>[] sends = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < sends.length; i++) {
            Outgoing out = events.get(i);
            CompletableFuture<Void> sent = new CompletableFuture<>();
            try {
                producer.send(new ProducerRecord<>(out.topic(), out.key(),
                                out.event() == null ? null : EventJson.toBytes(out.event())),
                        (metadata, error) -> {
                            if (error == null) {
                                sent.complete(null);
                            } else {
                                sent.completeExceptionally(error);
                            }
                        });
            } catch (RuntimeException e) { // metadata not available within max.block.ms, or closed
                sent.completeExceptionally(e);
            }
            sends[i] = sent;
        }
        return CompletableFuture.allOf(sends);
    }

    public CompletableFuture<Void> publish(Outgoing event) {
        return publish(List.of(event));
    }

    void close(@Observes ShutdownEvent event) {
        producer.close(Duration.ofSeconds(5));
    }
}
