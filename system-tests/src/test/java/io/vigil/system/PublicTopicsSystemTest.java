package io.vigil.system;

import io.vigil.agent.ReferenceAgent;
import io.vigil.agent.heartbeat.AgentLogEvent;
import io.vigil.events.Topics;
import io.vigil.testkit.EventSchemas;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A SIEM's view: every public topic consumed with a plain Kafka consumer, every event valid against the JSON Schema
 * published in the repository, after the platform did a bit of everything (activation, heartbeats, an agent event,
 * a clock-change alert dismissed by the console, a deactivation).
 */
class PublicTopicsSystemTest {

    private static final List<String> PUBLIC_TOPICS = List.of(Topics.HEARTBEATS, Topics.AGENT_EVENTS,
            Topics.COMPUTER_STATUS, Topics.ALERTS, Topics.AUDIT);

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);

    @Test
    void everyEventOnEveryPublicTopicMatchesItsSchema() throws Exception {
        long policyID = console.createPolicy("siem-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "2 Seconds",
                "platformSettingHeartbeatLocalTimeShiftAlertThreshold", "10 Seconds",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        ReferenceAgent agent = console.activateAgent(policyID, "siem-01");
        try {
            long id = agent.computerID();
            agent.logEvent(new AgentLogEvent(1008, Instant.now().toString(), "Kernel | Unsupported \\ = test",
                    Map.of("reason", "line1\nline2")));
            agent.jumpClock(Duration.ofMinutes(5));
            await("clock-change alert").atMost(Duration.ofSeconds(60)).until(() -> !alerts(id, "clock-change").isEmpty());
            Object alertID = alerts(id, "clock-change").getFirst().get("ID");
            console.alerts().post("/api/alerts/" + alertID + "/dismiss").then().statusCode(200);
            console.registry().delete("/api/computers/" + id).then().statusCode(204);

            await("every public topic carries events of this computer").atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> {
                        for (String topic : PUBLIC_TOPICS) {
                            assertThat(TopicRecords.forComputer(platform.infrastructure.bootstrapServers(), topic, id))
                                    .as(topic).isNotEmpty();
                        }
                    });
        } finally {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        for (String topic : PUBLIC_TOPICS) {
            List<ConsumerRecord<String, String>> records =
                    TopicRecords.all(platform.infrastructure.bootstrapServers(), topic);
            assertThat(records).as(topic).isNotEmpty();
            for (ConsumerRecord<String, String> record : records) {
                assertThat(EventSchemas.problems(record.value())).as(topic + " " + record.value()).isEmpty();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alerts(long id, String type) {
        return (List<Map<String, Object>>) (List<?>) console.alerts()
                .get("/api/alerts?state=active&alertType=" + type + "&computerID=" + id)
                .then().statusCode(200).extract().jsonPath().getList("alerts", Map.class);
    }
}
