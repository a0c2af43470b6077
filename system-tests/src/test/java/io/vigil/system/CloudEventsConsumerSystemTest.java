package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.vigil.agent.ReferenceAgent;
import io.vigil.agent.heartbeat.AgentLogEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A third-party consumer's view: every public topic read with the CloudEvents SDK ({@code cloudevents-kafka}'s
 * {@link CloudEventDeserializer}, structured mode from the {@code content-type} header) and nothing of Vigil's code,
 * after an agent activated, sent heartbeats and an event, jumped its clock, went silent (agent-offline alert, status
 * offline) and console writes were audited by policy-service, agent-registry and alert-service. Every record on every
 * public topic must be readable by the SDK; this computer's events carry the documented type, source, subject,
 * dataschema and data.
 */
class CloudEventsConsumerSystemTest {

    private static final String SCHEMAS = "https://schemas.vigil.io/events/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);

    /** One event as the SDK read it, with the record's key and content-type header. */
    record Read(String key, String contentType, CloudEvent event) {
        JsonNode data() {
            try {
                return JSON.readTree(event.getData().toBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void aCloudEventsSdkConsumerReadsEveryPublicTopic() throws Exception {
        long policyID = console.createPolicy("cloudevents-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "2 Seconds",
                "platformSettingHeartbeatMissedAlertThreshold", "1",
                "platformSettingHeartbeatLocalTimeShiftAlertThreshold", "10 Seconds",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        ReferenceAgent agent = console.activateAgent(policyID, "ce-01");
        long id = agent.computerID();
        String computer = Long.toString(id);
        try {
            agent.logEvent(new AgentLogEvent(1008, Instant.now().toString(), "Kernel Unsupported", Map.of("a", 1)));
            agent.jumpClock(Duration.ofMinutes(5));
            await("clock-change alert").atMost(Duration.ofSeconds(60)).until(() -> alertID(id, "clock-change") != null);
            console.alerts().post("/api/alerts/" + alertID(id, "clock-change") + "/dismiss").then().statusCode(200);
            console.registry().body(Map.of("agentAddress", "10.9.8.7")).post("/api/computers/" + id)
                    .then().statusCode(200);
            agent.pauseHeartbeats();
            await("agent-offline alert").atMost(Duration.ofSeconds(60)).until(() -> alertID(id, "agent-offline") != null);

            await("the computer's events on every public topic").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertHeartbeats(read("vigil.heartbeats", computer), id);
                assertAgentEvent(read("vigil.agent-events", computer), id);
                assertStatus(read("vigil.computer-status", computer), id);
                assertAlerts(read("vigil.alerts", computer), id);
                assertAudit(read("vigil.audit", computer), read("vigil.audit", "policy:" + policyID), id, policyID);
            });
        } finally {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static void assertHeartbeats(List<Read> events, long id) {
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertEnvelope(e, "vigil.heartbeat.received.v1", "/vigil/heartbeat-gateway", id,
                    "heartbeat.received.v1.schema.json");
            assertThat(e.data().get("computerID").asLong()).isEqualTo(id);
            assertThat(e.data().get("viaPoll").asBoolean()).isFalse();
        });
    }

    private static void assertAgentEvent(List<Read> events, long id) {
        assertThat(events).anySatisfy(e -> {
            assertEnvelope(e, "vigil.agent.event.v1", "/vigil/heartbeat-gateway", id, "agent.event.v1.schema.json");
            assertThat(e.data().get("eventID").asInt()).isEqualTo(1008);
            assertThat(e.data().get("hostName").asText()).isEqualTo("ce-01");
        });
    }

    private static void assertStatus(List<Read> events, long id) {
        assertThat(events).anySatisfy(e -> {
            assertEnvelope(e, "vigil.computer.status.changed.v1", "/vigil/agent-registry", id,
                    "computer.status.changed.v1.schema.json");
            assertThat(e.data().get("agentStatus").asText()).isEqualTo("offline");
            assertThat(e.data().get("previousStatus").asText()).isEqualTo("active");
        });
    }

    private static void assertAlerts(List<Read> events, long id) {
        for (String alertType : List.of("agent-offline", "clock-change")) {
            assertThat(events).as(alertType).anySatisfy(e -> {
                assertEnvelope(e, "vigil.alert.raised.v1", "/vigil/alert-service", id, "alert.v1.schema.json");
                assertThat(e.data().get("alertType").asText()).isEqualTo(alertType);
                assertThat(e.data().get("computerID").asLong()).isEqualTo(id);
                assertThat(e.data().get("state").asText()).isEqualTo("active");
            });
        }
        assertThat(events).anySatisfy(e -> {
            assertEnvelope(e, "vigil.alert.dismissed.v1", "/vigil/alert-service", id, "alert.v1.schema.json");
            assertThat(e.data().get("state").asText()).isEqualTo("dismissed");
        });
    }

    private static void assertAudit(List<Read> computerEvents, List<Read> policyEvents, long id, long policyID) {
        assertThat(policyEvents).anySatisfy(e -> {
            assertThat(e.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
            assertThat(e.event().getType()).isEqualTo("vigil.audit.v1");
            assertThat(e.event().getSource()).isEqualTo(URI.create("/vigil/policy-service"));
            assertThat(e.event().getSubject()).isNull();
            assertThat(e.event().getDataSchema()).isEqualTo(URI.create(SCHEMAS + "audit.v1.schema.json"));
            assertThat(e.data().get("action").asText()).isEqualTo("policy.created");
            assertThat(e.data().get("resourceID").asText()).isEqualTo(Long.toString(policyID));
            assertThat(e.data().get("actor").asText()).startsWith("api-key:");
        });
        assertThat(computerEvents).extracting(e -> e.data().get("action").asText())
                .contains("computer.activated", "computer.updated", "alert.dismissed");
        assertThat(computerEvents).allSatisfy(e -> {
            String source = e.data().get("service").asText().equals("alert-service")
                    ? "/vigil/alert-service" : "/vigil/agent-registry";
            assertEnvelope(e, "vigil.audit.v1", source, id, "audit.v1.schema.json");
        });
        assertThat(computerEvents).filteredOn(e -> e.data().get("action").asText().equals("computer.updated"))
                .singleElement().satisfies(e -> assertThat(e.data().at("/after/agentAddress").asText())
                        .isEqualTo("10.9.8.7"));
    }

    private static void assertEnvelope(Read read, String type, String source, long id, String schemaFile) {
        CloudEvent event = read.event();
        assertThat(read.contentType()).isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(read.key()).isEqualTo(Long.toString(id));
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource()).isEqualTo(URI.create(source));
        assertThat(event.getSubject()).isEqualTo(Long.toString(id));
        assertThat(event.getDataSchema()).isEqualTo(URI.create(SCHEMAS + schemaFile));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getId()).isNotBlank();
        assertThat(event.getTime()).isNotNull();
    }

    /** Every record of the topic read from the beginning with the SDK (a record it cannot read fails), one key kept. */
    private List<Read> read(String topic, String key) {
        List<Read> found = new ArrayList<>();
        for (ConsumerRecord<String, CloudEvent> record : TopicRecords.all(platform.infrastructure.bootstrapServers(),
                topic, CloudEventDeserializer.class)) {
            assertThat(record.value()).as("%s offset %d", topic, record.offset()).isNotNull();
            if (key.equals(record.key())) {
                Header header = record.headers().lastHeader("content-type");
                found.add(new Read(record.key(),
                        header == null ? null : new String(header.value(), StandardCharsets.UTF_8), record.value()));
            }
        }
        return found;
    }

    private Object alertID(long id, String alertType) {
        List<Object> ids = console.alerts()
                .get("/api/alerts?state=all&alertType=" + alertType + "&computerID=" + id)
                .then().statusCode(200).extract().jsonPath().getList("alerts.ID");
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
