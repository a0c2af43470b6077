package io.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.cloudevents.CloudEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public types: each names its schema, carries that schema's $id as dataschema; internal events carry none. */
class PublicEventsTest {

    static final List<PublicEvents.PublicType> PUBLIC_TYPES = PublicEvents.TYPES;

    @ParameterizedTest(name = "{0}")
    @FieldSource("PUBLIC_TYPES")
    void everyPublicEventCarriesTheIdOfItsDataSchema(PublicEvents.PublicType type) throws IOException {
        CloudEvent<Map<String, Integer>> event = CloudEvents.create("/vigil/test", type.type(), "42",
                Map.of("computerID", 42));

        assertThat(event.dataschema()).isEqualTo(type.dataschema())
                .isEqualTo(schema(type.schemaFile()).get("$id").asText());
        assertThat(EventJson.mapper().readTree(EventJson.toBytes(event)).get("dataschema").asText())
                .isEqualTo("https://schemas.vigil.io/events/" + type.schemaFile());
    }

    @Test
    void internalEventsCarryNoDataschema() throws Exception {
        List<String> internal = constants(EventTypes.class).stream().filter(t -> t.startsWith("vigil.internal.")).toList();
        assertThat(internal).isNotEmpty();
        for (String type : internal) {
            CloudEvent<Map<String, Integer>> event = CloudEvents.create("/vigil/test", type, "42", Map.of("a", 1));
            assertThat(event.dataschema()).as(type).isNull();
            assertThat(EventJson.toJson(event)).as(type).doesNotContain("dataschema");
        }
    }

    @Test
    void everyTypeConstantThatIsNotInternalIsPublicAndNoOtherIs() throws Exception {
        assertThat(PublicEvents.TYPES).extracting(PublicEvents.PublicType::type).containsExactlyInAnyOrderElementsOf(
                constants(EventTypes.class).stream().filter(t -> !t.startsWith("vigil.internal.")).toList());
    }

    @Test
    void publicTopicsAreEveryTopicButTheInternalOnesAndTheDeadLetters() {
        assertThat(PublicEvents.TOPICS).containsExactly(Topics.HEARTBEATS, Topics.AGENT_EVENTS, Topics.COMPUTER_STATUS,
                Topics.ALERTS, Topics.AUDIT);
        assertThat(PublicEvents.TOPICS).containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topics.Spec::name)
                .filter(n -> !n.startsWith("vigil.internal.") && !n.equals(Topics.DEAD_LETTER)).toList());
        assertThat(PublicEvents.isPublicTopic(Topics.DEAD_LETTER)).isFalse();
        assertThat(PublicEvents.isPublicTopic(Topics.COMPUTERS)).isFalse();
        assertThat(PublicEvents.typesOf(Topics.ALERTS)).hasSize(4);
        assertThat(PublicEvents.dataschema(EventTypes.LIVENESS_CHANGED)).isNull();
    }

    static JsonNode schema(String file) throws IOException {
        try (InputStream in = PublicEventsTest.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
            assertThat(in).as("schemas/" + file + " in the events jar").isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }

    private static List<String> constants(Class<?> holder) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }
}
