package io.vigil.policy.publish;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends batches of records to any topic with the producer of the {@code outbound} channel (acks=all, idempotent)
 * and completes once Kafka acknowledged every one. Records of one batch are handed to the producer in order, so
 * records of one key stay in order.
 */
@ApplicationScoped
public class KafkaSender {

    /** One record: a null payload is a tombstone; reason and sourceTopic are dead-letter headers. */
    public record Outgoing(String topic, String key, byte[] payload, String reason, String sourceTopic) {
        public static Outgoing of(String topic, String key, byte[] payload) {
            return new Outgoing(topic, key, payload, null, null);
        }
    }

    public static final String CHANNEL = "outbound";
    public static final String REASON_HEADER = "vigil.reason";
    public static final String SOURCE_TOPIC_HEADER = "vigil.source-topic";

    /** Declares the outbound channel (and so its producer, configured in application.properties). */
    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<byte[]> channel;

    @Inject
    KafkaClientService clients;

    /** Sends all, in order, and completes on {@code resume} once Kafka acknowledged every one of them. */
    public Uni<Void> sendAll(List<Outgoing> records, Executor resume) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        KafkaProducer<String, byte[]> producer = clients.getProducer(CHANNEL);
        return producer.runOnSendingThread(kafka -> {
            CompletableFuture<Void> acked = new CompletableFuture<>();
            AtomicInteger pending = new AtomicInteger(records.size());
            for (Outgoing record : records) {
                kafka.send(toRecord(record), (metadata, failure) -> {
                    if (failure != null) {
                        acked.completeExceptionally(failure);
                    } else if (pending.decrementAndGet() == 0) {
                        acked.complete(null);
                    }
                });
            }
            return acked;
        }).chain(acked -> Uni.createFrom().completionStage(acked)).emitOn(resume);
    }

    private static ProducerRecord<String, byte[]> toRecord(Outgoing record) {
        RecordHeaders headers = new RecordHeaders();
        if (record.reason() != null) {
            headers.add(REASON_HEADER, record.reason().getBytes(StandardCharsets.UTF_8));
        }
        if (record.sourceTopic() != null) {
            headers.add(SOURCE_TOPIC_HEADER, record.sourceTopic().getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(record.topic(), null, record.key(), record.payload(), headers);
    }
}
