package io.vigil.kafka.tracing;

import io.opentelemetry.api.trace.Span;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

import java.util.Map;
import java.util.concurrent.Future;

/**
 * A {@link KafkaProducer} whose every send is a PRODUCER span, child of the caller's current trace context, with that
 * span's context in the record's {@code traceparent} header (see {@link RecordTracing}); made by
 * {@link io.vigil.kafka.KafkaClientFactory} only.
 */
public final class TracingProducer<K, V> extends KafkaProducer<K, V> {

    private final RecordTracing tracing;

    public TracingProducer(Map<String, Object> properties, Serializer<K> keys, Serializer<V> values,
                           RecordTracing tracing) {
        super(properties, keys, values);
        this.tracing = tracing;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        Span span = tracing.startSend(record.topic(), record.headers());
        try {
            return super.send(record, (metadata, error) -> {
                RecordTracing.end(span, error);
                if (callback != null) {
                    callback.onCompletion(metadata, error);
                }
            });
        } catch (RuntimeException e) {
            RecordTracing.end(span, e);
            throw e;
        }
    }
}
