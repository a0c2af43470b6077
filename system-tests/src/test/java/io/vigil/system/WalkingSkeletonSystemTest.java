package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.agent.ReferenceAgent;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The walking skeleton through the real processes, Kafka and PostgreSQL: token, activation, heartbeats, the
 * computer online, the agent silent until the (N+1)th heartbeat is missed, the offline alert (never early), recovery.
 */
class WalkingSkeletonSystemTest {

    private static final int INTERVAL_SECONDS = 3;
    private static final int THRESHOLD = 1;

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);
    private ReferenceAgent agent;

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void consoleCallsNeedAValidKey() {
        console.as(null, platform.registryPort).get("/api/computers").then().statusCode(401)
                .contentType("application/problem+json");
        console.as("wrong", platform.alertPort).get("/api/alerts").then().statusCode(401);
        console.as(Platform.READ_KEY, platform.policyPort).body(Map.of("name", "x", "parentID", 1))
                .post("/api/policies").then().statusCode(403).contentType("application/problem+json");
        console.as(Platform.READ_KEY, platform.policyPort).get("/api/policies/1").then().statusCode(200);
    }

    @Test
    void oneHeartbeatTravelsEndToEndAndSilenceRaisesAndClearsTheOfflineAlert() throws Exception {
        long policyID = console.createPolicy("skeleton-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", INTERVAL_SECONDS + " Seconds",
                "platformSettingHeartbeatMissedAlertThreshold", Integer.toString(THRESHOLD),
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        console.policies().get("/api/policies/" + policyID).then().statusCode(200)
                .body("policySettings.platformSettingHeartbeatInterval.value", equalTo("3 Seconds"));
        agent = console.activateAgent(policyID, "skeleton-01");
        long id = agent.computerID();

        X509Certificate certificate = agent.certificate();
        List<Object> sanValues = certificate.getSubjectAlternativeNames().stream()
                .map(san -> (Object) san.get(1)).toList();
        assertThat(sanValues).contains("urn:vigil:computer:" + id);
        await("heartbeats accepted").atMost(Duration.ofSeconds(30))
                .until(() -> agent.acceptedHeartbeats() >= 2);
        assertThat(agent.heartbeatIntervalSeconds()).isEqualTo(INTERVAL_SECONDS);

        await("computer online in the registry").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath computer = console.registry().get("/api/computers/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(computer.getString("computerStatus.agentStatus")).isEqualTo("active");
            assertThat(computer.getList("computerStatus.agentStatusMessages", String.class))
                    .contains("Managed (Online)");
            assertThat(computer.getLong("lastAgentCommunication")).isPositive();
            assertThat(computer.getString("configuration.reported")).isEqualTo(agent.configFingerprint());
            assertThat(computer.getLong("policyID")).isEqualTo(policyID);
        });

        agent.pauseHeartbeats();
        await("agent-offline raised").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(activeOfflineAlerts(id)).hasSize(1));
        long raisedAt = ((Number) activeOfflineAlerts(id).getFirst().get("raisedAt")).longValue();
        long lastReceived = lastHeartbeatReceivedAt(id);
        long deadline = lastReceived + (THRESHOLD + 1) * INTERVAL_SECONDS * 1000L + INTERVAL_SECONDS * 100L;
        assertThat(raisedAt).as("never before the deadline").isGreaterThanOrEqualTo(deadline);
        assertThat(raisedAt).as("promptly after the deadline").isLessThan(deadline + 5_000);
        await("registry shows offline").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                console.registry().get("/api/computers/" + id).then()
                        .body("computerStatus.agentStatus", equalTo("offline")));

        agent.resumeHeartbeats();
        await("alert cleared at the next heartbeat").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(activeOfflineAlerts(id)).isEmpty());
        console.alerts().get("/api/alerts?state=cleared&computerID=" + id).then().statusCode(200)
                .body("alerts.size()", equalTo(1));
        await("registry shows online again").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                console.registry().get("/api/computers/" + id).then()
                        .body("computerStatus.agentStatus", equalTo("active")));
        assertThat(alertEventTypes(id)).containsSubsequence("vigil.alert.raised.v1", "vigil.alert.cleared.v1");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> activeOfflineAlerts(long id) {
        return (List<Map<String, Object>>) (List<?>) console.alerts()
                .get("/api/alerts?state=active&alertType=agent-offline&computerID=" + id)
                .then().statusCode(200).extract().jsonPath().getList("alerts", Map.class);
    }

    /** The broker's append time of the computer's latest heartbeat: the one clock the deadline is measured on. */
    private long lastHeartbeatReceivedAt(long id) {
        return records(Topics.HEARTBEATS, id).stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
    }

    private List<String> alertEventTypes(long id) {
        return records(Topics.ALERTS, id).stream()
                .map(r -> JsonPath.from(r.value()).getString("type")).toList();
    }

    private List<ConsumerRecord<String, String>> records(String topic, long id) {
        return TopicRecords.forComputer(platform.infrastructure.bootstrapServers(), topic, id);
    }
}
