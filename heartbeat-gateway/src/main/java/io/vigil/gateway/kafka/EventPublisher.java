package io.vigil.gateway.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.vigil.events.EventJson;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.gateway.GatewayConfig;
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
 * Made at start-up: a setting it cannot work with ends the start, and the first heartbeat does not wait for it.
 */
@ApplicationScoped
@Startup
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(KafkaClientFactory kafka, GatewayConfig config) {
        this.producer = kafka.producer("heartbeat-gateway", settings(config.publish().linger()));
    }

    /** The longest linger allowed: a send still fails (and the agent gets 503) within 10 seconds. */
    static final Duration MAX_LINGER = Duration.ofSeconds(1);

    /** The producer's tuning on top of the whole {@code kafka.*} configuration. */
    static Map<String, Object> settings(Duration linger) {
        if (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
            throw new IllegalArgumentException("vigil.gateway.publish.linger must be between 0 and " + MAX_LINGER
                    + " (a heartbeat is answered within 10 s), not " + linger);
        }
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "7000",
                // heartbeats wait to share a produce request: fewer, larger requests and batches cost the producer
                // and the broker less per heartbeat (GatewayConfig.Publish#linger)
                ProducerConfig.LINGER_MS_CONFIG, Long.toString(linger.toMillis()));
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
