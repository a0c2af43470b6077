package io.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigil.events.cloudevents.KafkaBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml, the JSON Schemas in docs/schemas, {@link Topics} and {@link PublicEvents} say the same: a public
 * topic, type, schema, partition count or retention that changes in one place and not the others fails the build.
 */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final JsonNode DOCUMENT = read(DOCS.resolve("asyncapi.yaml"), new ObjectMapper(new YAMLFactory()));

    static final List<PublicEvents.PublicType> PUBLIC_TYPES = PublicEvents.TYPES;

    @Test
    void isAnAsyncApi3DocumentOfExactlyThePublicTopics() {
        assertThat(DOCUMENT.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> addresses = new ArrayList<>();
        DOCUMENT.get("channels").forEach(channel -> addresses.add(channel.get("address").asText()));
        assertThat(addresses).containsExactlyElementsOf(PublicEvents.TOPICS);
    }

    @Test
    void eachChannelHasTheTopicsPartitionsRetentionAndMessages() {
        for (String topic : PublicEvents.TOPICS) {
            JsonNode channel = channel(topic);
            Topics.Spec spec = Topics.ALL.stream().filter(s -> s.name().equals(topic)).findFirst().orElseThrow();
            JsonNode kafka = channel.at("/bindings/kafka");
            assertThat(kafka.get("partitions").asInt()).as(topic).isEqualTo(spec.partitions());
            assertThat(kafka.at("/topicConfiguration/retention.ms").asText()).as(topic)
                    .isEqualTo(spec.config().get("retention.ms"));
            assertThat(kafka.at("/topicConfiguration/cleanup.policy/0").asText()).as(topic)
                    .isEqualTo(spec.config().getOrDefault("cleanup.policy", "delete"));
            List<String> types = new ArrayList<>();
            channel.get("messages").forEach(ref -> types.add(resolve(ref).get("name").asText()));
            assertThat(types).as(topic).containsExactlyElementsOf(
                    PublicEvents.typesOf(topic).stream().map(PublicEvents.PublicType::type).toList());
        }
    }

    @Test
    void vigilSendsEveryMessageOfEveryChannel() {
        for (String topic : PublicEvents.TOPICS) {
            List<JsonNode> operations = new ArrayList<>();
            DOCUMENT.get("operations").forEach(op -> {
                if (resolve(op.get("channel")).get("address").asText().equals(topic)) {
                    operations.add(op);
                }
            });
            assertThat(operations).as(topic).hasSize(1);
            assertThat(operations.getFirst().get("action").asText()).isEqualTo("send");
            List<String> sent = new ArrayList<>();
            operations.getFirst().get("messages").forEach(ref -> sent.add(resolve(ref).get("name").asText()));
            assertThat(sent).as(topic).containsExactlyElementsOf(
                    PublicEvents.typesOf(topic).stream().map(PublicEvents.PublicType::type).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("PUBLIC_TYPES")
    void eachMessageIsAStructuredCloudEventOfItsTypeSchemaAndDataschema(PublicEvents.PublicType type) {
        JsonNode message = message(type.type());
        assertThat(message.get("contentType").asText()).isEqualTo("application/cloudevents+json");
        assertThat(resolve(message.get("headers")).at("/properties/" + KafkaBinding.CONTENT_TYPE_HEADER + "/const")
                .asText()).isEqualTo(KafkaBinding.STRUCTURED_JSON);
        assertThat(resolve(message.get("headers")).get("required").toString()).contains(KafkaBinding.CONTENT_TYPE_HEADER);
        JsonNode payload = message.at("/payload/allOf");
        assertThat(payload.at("/0/$ref").asText()).isEqualTo("./schemas/" + PublicEvents.ENVELOPE_SCHEMA);
        assertThat(payload.at("/1/properties/type/const").asText()).isEqualTo(type.type());
        assertThat(payload.at("/1/properties/dataschema/const").asText()).isEqualTo(type.dataschema());
        assertThat(payload.at("/1/properties/data/$ref").asText()).isEqualTo("./schemas/" + type.schemaFile());
        assertThat(schema(type.schemaFile()).get("$id").asText()).isEqualTo(type.dataschema());
        assertThat(resolve(message.at("/bindings/kafka/key")).get("type").asText()).isEqualTo("string");
    }

    @Test
    void theEnvelopeSchemaKnowsEveryPublicTypeAndItsDataschema() {
        JsonNode envelope = schema(PublicEvents.ENVELOPE_SCHEMA);
        List<String> types = new ArrayList<>();
        envelope.at("/properties/type/enum").forEach(t -> types.add(t.asText()));
        assertThat(types).containsExactlyInAnyOrderElementsOf(
                PublicEvents.TYPES.stream().map(PublicEvents.PublicType::type).toList());
        for (PublicEvents.PublicType type : PublicEvents.TYPES) {
            List<String> dataschemas = new ArrayList<>();
            envelope.get("allOf").forEach(rule -> {
                JsonNode condition = rule.at("/if/properties/type");
                boolean matches = type.type().equals(condition.path("const").asText())
                        || textValues(condition.path("enum")).contains(type.type());
                if (matches) {
                    dataschemas.add(rule.at("/then/properties/dataschema/const").asText());
                }
            });
            assertThat(dataschemas).as(type.type()).containsExactly(type.dataschema());
        }
    }

    @Test
    void everyPublishedSchemaIsUsedAndNamedByItsFile() throws IOException {
        Set<String> used = new HashSet<>();
        used.add(PublicEvents.ENVELOPE_SCHEMA);
        PublicEvents.TYPES.forEach(t -> used.add(t.schemaFile()));
        try (Stream<Path> files = Files.list(DOCS.resolve("schemas"))) {
            List<String> published = files.map(f -> f.getFileName().toString()).toList();
            assertThat(published).containsExactlyInAnyOrderElementsOf(used);
            for (String file : published) {
                assertThat(schema(file).get("$id").asText()).isEqualTo(PublicEvents.SCHEMA_ID_BASE + file);
            }
        }
    }

    private static JsonNode channel(String topic) {
        for (JsonNode channel : DOCUMENT.get("channels")) {
            if (channel.get("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static JsonNode message(String type) {
        for (JsonNode message : DOCUMENT.at("/components/messages")) {
            if (message.get("name").asText().equals(type)) {
                return message;
            }
        }
        throw new AssertionError("no message named " + type);
    }

    /** Follows local references ({@code #/...}) until a node that is no reference. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            assertThat(ref).startsWith("#/");
            current = DOCUMENT.at(ref.substring(1));
            assertThat(current.isMissingNode()).as(ref).isFalse();
        }
        return current;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static JsonNode schema(String file) {
        return read(DOCS.resolve("schemas").resolve(file), EventJson.mapper());
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
