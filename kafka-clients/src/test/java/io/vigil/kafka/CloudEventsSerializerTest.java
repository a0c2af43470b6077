package io.vigil.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.vigil.events.EventJson;
import io.vigil.events.PublicEvents;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.cloudevents.KafkaBinding;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public event type, written as the services write it (the event from {@link CloudEvents}, the record value
 * through the factory's serializer), is a structured-mode CloudEvent that the CloudEvents SDK reads with its type,
 * source, subject, dataschema and data; records on internal topics are left alone.
 */
class CloudEventsSerializerTest {

    static final List<PublicEvents.PublicType> PUBLIC_TYPES = PublicEvents.TYPES;

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00.123Z");

    private final Serializer<byte[]> serializer = new CloudEventsSerializer<>(new ByteArraySerializer());

    @ParameterizedTest(name = "{0}")
    @FieldSource("PUBLIC_TYPES")
    void eachPublicTypeIsAStructuredCloudEventWithItsDataschema(PublicEvents.PublicType publicType) {
        byte[] event = EventJson.toBytes(CloudEvents.create("e-1", "/vigil/test-service", publicType.type(), "42",
                Map.of("computerID", 42), AT));
        RecordHeaders headers = new RecordHeaders();

        byte[] value = serializer.serialize(publicType.topic(), headers, event);

        assertThat(value).isEqualTo(event);
        assertThat(contentTypes(headers)).containsExactly("application/cloudevents+json; charset=UTF-8");
        try (CloudEventDeserializer sdk = new CloudEventDeserializer()) {
            CloudEvent read = sdk.deserialize(publicType.topic(), headers, value);
            assertThat(read.getType()).isEqualTo(publicType.type());
            assertThat(read.getSource()).isEqualTo(URI.create("/vigil/test-service"));
            assertThat(read.getSubject()).isEqualTo("42");
            assertThat(read.getDataSchema())
                    .isEqualTo(URI.create("https://schemas.vigil.io/events/" + publicType.schemaFile()));
            assertThat(read.getDataContentType()).isEqualTo("application/json");
            assertThat(read.getTime().toInstant()).isEqualTo(AT);
            assertThat(new String(read.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"computerID\":42}");
        }
    }

    @Test
    void internalTopicsDeadLettersAndTombstonesGetNoHeader() {
        for (Topics.Spec spec : Topics.ALL) {
            RecordHeaders headers = new RecordHeaders();
            serializer.serialize(spec.name(), headers, "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(contentTypes(headers)).as(spec.name())
                    .hasSize(PublicEvents.isPublicTopic(spec.name()) ? 1 : 0);
        }
        RecordHeaders tombstone = new RecordHeaders();
        assertThat(serializer.serialize(Topics.AUDIT, tombstone, null)).isNull();
        assertThat(contentTypes(tombstone)).isEmpty();
        assertThat(contentTypes(headersAfter(Topics.DEAD_LETTER))).isEmpty();
    }

    @Test
    void replacesAnotherContentTypeAndLeavesOtherHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaBinding.CONTENT_TYPE_HEADER, "application/json".getBytes(StandardCharsets.UTF_8));
        headers.add("vigil.reason", "kept".getBytes(StandardCharsets.UTF_8));

        serializer.serialize(Topics.ALERTS, headers, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(contentTypes(headers)).containsExactly(KafkaBinding.STRUCTURED_JSON);
        assertThat(headers.lastHeader("vigil.reason").value()).asString(StandardCharsets.UTF_8).isEqualTo("kept");
    }

    @Test
    void aRecordSentAgainKeepsItsReadOnlyHeaders() {
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize(Topics.HEARTBEATS, headers, "{}".getBytes(StandardCharsets.UTF_8));
        headers.setReadOnly(); // what KafkaProducer does after the first send

        serializer.serialize(Topics.HEARTBEATS, headers, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(contentTypes(headers)).containsExactly(KafkaBinding.STRUCTURED_JSON);
    }

    @Test
    void wrapsAnyValueSerializerAndIsConfigurableByClassName() throws Exception {
        Serializer<String> strings = new CloudEventsSerializer<>(new StringSerializer());
        RecordHeaders headers = new RecordHeaders();
        assertThat(strings.serialize(Topics.AGENT_EVENTS, headers, "{}")).asString(StandardCharsets.UTF_8)
                .isEqualTo("{}");
        assertThat(contentTypes(headers)).hasSize(1);

        @SuppressWarnings("unchecked")
        Serializer<byte[]> byName = (Serializer<byte[]>) Class.forName("io.vigil.kafka.CloudEventsBytesSerializer")
                .getDeclaredConstructor().newInstance();
        RecordHeaders named = new RecordHeaders();
        byName.serialize(Topics.COMPUTER_STATUS, named, new byte[] {'{', '}'});
        assertThat(contentTypes(named)).containsExactly(KafkaBinding.STRUCTURED_JSON);
    }

    private RecordHeaders headersAfter(String topic) {
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize(topic, headers, "{}".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static List<String> contentTypes(RecordHeaders headers) {
        return StreamSupport.stream(headers.headers(KafkaBinding.CONTENT_TYPE_HEADER).spliterator(), false)
                .map(Header::value).map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }
}
