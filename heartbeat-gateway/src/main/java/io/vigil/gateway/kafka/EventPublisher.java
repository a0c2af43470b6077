package io.vigil.gateway.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.vigil.events.EventJson;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.kafka.KafkaClientFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's one Kafka producer (made from the whole {@code kafka.*} configuration by the shared factory): acks=all,
 * idempotent, and bounded so that a send fails (and the agent gets 503) well within 10 seconds when Kafka is down.
 */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(KafkaClientFactory kafka) {
        this.producer = kafka.producer("heartbeat-gateway", Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "7000",
                // heartbeats wait up to 5 ms to share a produce request: fewer, larger requests for the broker
                ProducerConfig.LINGER_MS_CONFIG, "5"));
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
