package io.vigil.kafka;

import io.vigil.kafka.tracing.RecordTracing;
import io.vigil.kafka.tracing.TracingProducer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one way to make a Kafka client in Vigil. Every producer, consumer and admin client starts from the service's
 * whole Kafka configuration (every {@code kafka.*} property, i.e. every {@code KAFKA_*} environment variable:
 * bootstrap servers, {@code security.protocol}, {@code sasl.*}, {@code ssl.*} trust and key stores, ...), keeps the
 * keys its kind knows ({@link KafkaClientType}), and adds the client id and the caller's tuning, which win. Every
 * producer carries the trace context in its records' headers; consumers continue it with {@link #tracing()}.
 */
public final class KafkaClientFactory {

    private final Map<String, Object> base;
    private final RecordTracing tracing;

    /** @param kafkaConfiguration the {@code kafka.*} properties without the prefix (e.g. {@code security.protocol}) */
    public KafkaClientFactory(Map<String, ?> kafkaConfiguration) {
        this(kafkaConfiguration, RecordTracing.off());
    }

    /** A factory whose producers and consumers propagate trace context with {@code tracing}. */
    public KafkaClientFactory(Map<String, ?> kafkaConfiguration, RecordTracing tracing) {
        this.base = Map.copyOf(new TreeMap<>(kafkaConfiguration));
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    /** Trace context and log context around the processing of each consumed record. */
    public RecordTracing tracing() {
        return tracing;
    }

    /** The configuration every client starts from (tests, diagnostics). Values may hold secrets: never log them. */
    public Map<String, Object> configuration() {
        return base;
    }

    /** The properties a client of this kind gets: the relevant base keys, the client id, then the overrides. */
    public Map<String, Object> properties(KafkaClientType type, String clientId, Map<String, ?> overrides) {
        Map<String, Object> props = new TreeMap<>();
        base.forEach((key, value) -> {
            if (type.accepts(key)) {
                props.put(key, value);
            }
        });
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, Objects.requireNonNull(clientId, "clientId"));
        overrides.forEach((key, value) -> {
            if (value == null) {
                props.remove(key);
            } else {
                props.put(key, value);
            }
        });
        return props;
    }

    /**
     * A producer with string keys and byte values (CloudEvents JSON); records on public topics get the structured-mode
     * header ({@link CloudEventsSerializer}).
     */
    public KafkaProducer<String, byte[]> producer(String clientId, Map<String, ?> overrides) {
        return producer(clientId, overrides, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A producer with these serializers (the value serializer wrapped by {@link CloudEventsSerializer}) whose sends
     * are spans of the caller's trace, their context in each record's headers.
     */
    public <K, V> KafkaProducer<K, V> producer(String clientId, Map<String, ?> overrides, Serializer<K> keys,
                                               Serializer<V> values) {
        return new TracingProducer<>(properties(KafkaClientType.PRODUCER, clientId, overrides), keys,
                new CloudEventsSerializer<>(values), tracing);
    }

    /**
     * A consumer with string keys and byte values.
     *
     * @param groupId the consumer group, or null for a consumer that assigns partitions itself and commits nothing
     *                (a {@code group.id} of the base configuration is then removed)
     */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String groupId, Map<String, ?> overrides) {
        return consumer(clientId, groupId, overrides, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public <K, V> KafkaConsumer<K, V> consumer(String clientId, String groupId, Map<String, ?> overrides,
                                               Deserializer<K> keys, Deserializer<V> values) {
        return new KafkaConsumer<>(consumerProperties(clientId, groupId, overrides), keys, values);
    }

    /** The properties of {@link #consumer}: the group id (or none) before the overrides. */
    public Map<String, Object> consumerProperties(String clientId, String groupId, Map<String, ?> overrides) {
        Map<String, Object> withGroup = new TreeMap<>();
        withGroup.put(ConsumerConfig.GROUP_ID_CONFIG, groupId); // null removes the base's group.id
        withGroup.putAll(overrides);
        return properties(KafkaClientType.CONSUMER, clientId, withGroup);
    }

    public Admin admin(String clientId) {
        return Admin.create(properties(KafkaClientType.ADMIN, clientId, Map.of()));
    }
}
