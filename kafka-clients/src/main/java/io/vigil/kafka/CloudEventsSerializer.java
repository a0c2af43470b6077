package io.vigil.kafka;

import io.vigil.events.PublicEvents;
import io.vigil.events.cloudevents.KafkaBinding;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The one place where records on the public topics get the CloudEvents Kafka binding's structured-mode header
 * ({@code content-type: application/cloudevents+json; charset=UTF-8}): it wraps the value serializer of every producer
 * {@link KafkaClientFactory} makes (and policy-service's outbound channel names {@link CloudEventsBytesSerializer}).
 * Records on internal topics and tombstones are left as they are. The value itself (the event with its
 * {@code dataschema}) is written by {@code io.vigil.events.cloudevents.CloudEvents}.
 */
public class CloudEventsSerializer<V> implements Serializer<V> {

    private static final byte[] STRUCTURED_JSON = KafkaBinding.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8);

    private final Serializer<V> values;

    public CloudEventsSerializer(Serializer<V> values) {
        this.values = values;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        values.configure(configs, isKey);
    }

    /** Without headers (Kafka's producer never calls this one): the value only. */
    @Override
    public byte[] serialize(String topic, V data) {
        return values.serialize(topic, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, V data) {
        byte[] value = values.serialize(topic, headers, data);
        if (value != null && headers != null && PublicEvents.isPublicTopic(topic)) {
            markStructured(headers);
        }
        return value;
    }

    /** Sets the one {@code content-type} header (a record sent again already has it, and read-only headers). */
    static void markStructured(Headers headers) {
        Header present = headers.lastHeader(KafkaBinding.CONTENT_TYPE_HEADER);
        if (present != null && Arrays.equals(present.value(), STRUCTURED_JSON)) {
            return;
        }
        headers.remove(KafkaBinding.CONTENT_TYPE_HEADER);
        headers.add(KafkaBinding.CONTENT_TYPE_HEADER, STRUCTURED_JSON);
    }

    @Override
    public void close() {
        values.close();
    }
}
