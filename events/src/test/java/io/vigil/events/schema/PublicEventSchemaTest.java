package io.vigil.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.alert.AlertData;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.status.ComputerStatusChanged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Sample events serialised by {@link EventJson} from the records match the published JSON Schemas, and only them. */
class PublicEventSchemaTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00.123Z");

    record Sample(String type, String schemaFile, Object data, String subject) {
        String json() {
            return EventJson.toJson(CloudEvents.create("e-1", "/vigil/test", type, subject, data, T));
        }

        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                new Sample(EventTypes.HEARTBEAT_RECEIVED, "heartbeat.received.v1.schema.json", heartbeat(), "42"),
                new Sample(EventTypes.HEARTBEAT_RECEIVED, "heartbeat.received.v1.schema.json", new HeartbeatReceived(
                        42, T, null, null, null, null, null, null, null, null, null, null, null, null, true), "42"),
                new Sample(EventTypes.AGENT_EVENT, "agent.event.v1.schema.json", new AgentEvent(42, "web|01", 5004,
                        "2026-11-25 10:00:00", "Clock changed", json("{\"changeSeconds\":-3600}")), "42"),
                new Sample(EventTypes.AGENT_EVENT, "agent.event.v1.schema.json",
                        new AgentEvent(42, null, 0, null, null, null), "42"),
                new Sample(EventTypes.COMPUTER_STATUS_CHANGED, "computer.status.changed.v1.schema.json",
                        new ComputerStatusChanged(42, "web-01", "offline", "active", 3, "timeout", T), "42"),
                new Sample(EventTypes.COMPUTER_STATUS_CHANGED, "computer.status.changed.v1.schema.json",
                        new ComputerStatusChanged(42, null, "active", null, 0, null, null), "42"),
                new Sample(EventTypes.ALERT_RAISED, "alert.v1.schema.json", alert("active", 42L), "42"),
                new Sample(EventTypes.ALERT_UPDATED, "alert.v1.schema.json", alert("active", 42L), "42"),
                new Sample(EventTypes.ALERT_CLEARED, "alert.v1.schema.json", alert("cleared", 42L), "42"),
                new Sample(EventTypes.ALERT_DISMISSED, "alert.v1.schema.json", alert("dismissed", 42L), "42"),
                new Sample(EventTypes.ALERT_RAISED, "alert.v1.schema.json", new AlertData(9, "platform-outage",
                        "Heartbeat Outage", "critical", null, null, T, T, 1, "active", false, null, null), null),
                new Sample(EventTypes.AUDIT, "audit.v1.schema.json", new AuditRecord("api-key:0123456789abcdef",
                        "policy.updated", "policy", "7", T, json("{\"name\":\"a\"}"), json("{\"name\":\"b\"}"),
                        "policy-service"), null),
                new Sample(EventTypes.AUDIT, "audit.v1.schema.json", new AuditRecord("api-key:managed:12",
                        "api-key.revoked", "api-key", "12", T, json("{\"active\":true}"),
                        json("{\"active\":false}"), "policy-service"), null),
                new Sample(EventTypes.AUDIT, "audit.v1.schema.json", new AuditRecord("agent", "computer.activated",
                        "computer", "42", T, null, json("{\"hostName\":\"web-01\"}"), "agent-registry"), "42"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void envelopeAndDataMatchTheirSchemas(Sample sample) {
        String event = sample.json();
        assertThat(SchemaValidator.problems("cloudevent.schema.json", event)).isEmpty();
        assertThat(SchemaValidator.problems(sample.schemaFile(), data(event).toString())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySerialisedMemberIsDocumentedInTheSchema(Sample sample) {
        JsonNode properties = tree(SchemaValidator.text(sample.schemaFile())).get("properties");
        Set<String> undocumented = new HashSet<>();
        for (Iterator<String> names = data(sample.json()).fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!properties.has(name)) {
                undocumented.add(name);
            }
        }
        assertThat(undocumented).as("members of %s missing from %s", sample.type(), sample.schemaFile()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloudevent.schema.json", "heartbeat.received.v1.schema.json", "agent.event.v1.schema.json",
            "computer.status.changed.v1.schema.json", "alert.v1.schema.json", "audit.v1.schema.json"})
    void schemasAreValidDraft202012(String file) {
        assertThat(tree(SchemaValidator.text(file)).get("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(SchemaValidator.metaSchemaProblems(file)).isEmpty();
    }

    @Test
    void envelopeRefusesMissingIdWrongSpecVersionUnknownTypeAndNonUtcTime() {
        ObjectNode event = (ObjectNode) tree(samples().findFirst().orElseThrow().json());
        event.remove("id");
        event.put("specversion", "0.3");
        event.put("type", "vigil.unknown.v1");
        event.put("time", "2026-11-25T11:00:00.123+01:00");
        event.put("subject", "web-01");
        assertThat(SchemaValidator.problems("cloudevent.schema.json", event.toString()))
                .hasSizeGreaterThanOrEqualTo(5)
                .anyMatch(p -> p.contains("id"))
                .anyMatch(p -> p.contains("/specversion"))
                .anyMatch(p -> p.contains("/type"))
                .anyMatch(p -> p.contains("/time"))
                .anyMatch(p -> p.contains("/subject"));
    }

    @Test
    void envelopeRefusesAMissingDataschemaAndOneOfAnotherType() {
        ObjectNode event = (ObjectNode) tree(samples().findFirst().orElseThrow().json());
        assertThat(SchemaValidator.problems("cloudevent.schema.json", event.toString())).isEmpty();
        event.put("dataschema", "https://schemas.vigil.io/events/alert.v1.schema.json");
        assertThat(SchemaValidator.problems("cloudevent.schema.json", event.toString()))
                .anyMatch(p -> p.contains("/dataschema"));
        event.remove("dataschema");
        assertThat(SchemaValidator.problems("cloudevent.schema.json", event.toString()))
                .anyMatch(p -> p.contains("dataschema"));
    }

    @Test
    void dataSchemasRefuseWrongTypesMissingMembersAndBadValues() {
        assertThat(SchemaValidator.problems("heartbeat.received.v1.schema.json",
                "{\"computerID\":\"42\",\"receivedAt\":\"yesterday\",\"viaPoll\":false}"))
                .anyMatch(p -> p.contains("/computerID")).anyMatch(p -> p.contains("/receivedAt"));
        assertThat(SchemaValidator.problems("agent.event.v1.schema.json", "{\"computerID\":42}"))
                .anyMatch(p -> p.contains("eventID"));
        assertThat(SchemaValidator.problems("computer.status.changed.v1.schema.json",
                "{\"computerID\":42,\"agentStatus\":\"sleepy\",\"missedHeartbeats\":-1}"))
                .anyMatch(p -> p.contains("/agentStatus")).anyMatch(p -> p.contains("/missedHeartbeats"));
        ObjectNode alert = (ObjectNode) EventJson.mapper().valueToTree(alert("active", 42L));
        alert.put("severity", "high");
        alert.put("occurrences", 0);
        assertThat(SchemaValidator.problems("alert.v1.schema.json", alert.toString()))
                .anyMatch(p -> p.contains("/severity")).anyMatch(p -> p.contains("/occurrences"));
        assertThat(SchemaValidator.problems("audit.v1.schema.json", "{\"actor\":\"api-key:SECRET-KEY\","
                + "\"action\":\"policy.updated\",\"resource\":\"policy\",\"at\":\"2026-11-25T10:00:00Z\","
                + "\"service\":\"policy-service\"}"))
                .anyMatch(p -> p.contains("/actor"));
    }

    private static HeartbeatReceived heartbeat() {
        return new HeartbeatReceived(42, T, "2026-11-25T10:00:00.000+01:00", "20.0.1-3445", "Online",
                "sha256:abc", Map.of("events", 3L), "10.1.2.3", "TLSv1.3", "TLS_AES_128_GCM_SHA256", 3_600_000L,
                4118, List.of(new HeartbeatReceived.ClockChange("2026-11-25T10:00:00", -3600, "2026-11-25T11:00:00")),
                List.of(new HeartbeatReceived.OperationResult(7, "UpdateConfiguration", "done", null)), false);
    }

    private static AlertData alert(String state, Long computerID) {
        return new AlertData(5, "clock-change", "Computer Clock Change", "warning", computerID, "web-01", T, T, 2,
                state, true, "The agent's clock changed.", json("{\"shiftSeconds\":3600}"));
    }

    private static JsonNode data(String event) {
        return tree(event).get("data");
    }

    private static JsonNode json(String text) {
        return tree(text);
    }

    private static JsonNode tree(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
