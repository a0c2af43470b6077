package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.agent.ReferenceAgent;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Whatever was acknowledged survives a crash of any service": for each service, something is acknowledged, the
 * process is killed (SIGKILL) straight after the acknowledgement, started again, and what was acknowledged is there
 * and took effect exactly once. A restarted service may wait for its dead predecessor's Kafka session to expire
 * before it consumes again, hence the generous time limits after a restart.
 */
class CrashSurvivalSystemTest {

    private static final Duration AFTER_RESTART = Duration.ofSeconds(120);
    private static final long HOUR_MILLIS = 3_600_000L;

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);

    @Test
    void heartbeatsAnswered200SurviveAGatewayCrash() throws Exception {
        long policyID = console.createPolicy("crash-gateway-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "1 Hour",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        ServiceProcess gateway = platform.service("heartbeat-gateway");
        ReferenceAgent agent = console.activateAgent(policyID, "crash-gateway-01");
        try {
            long id = agent.computerID();
            // each forced heartbeat carries its own clock skew (k hours), so each record can be told apart by it
            for (int k = 1; k <= 3; k++) {
                agent.setClockSkew(Duration.ofHours(k));
                assertThat(agent.heartbeatNow().toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
            crashAndRestart(gateway);

            for (int k = 1; k <= 3; k++) {
                assertThat(heartbeatsWithSkew(id, k)).as("heartbeat %d h answered 200 before the crash", k)
                        .isPositive();
            }
            // the agent counts a 200 just after handing it to the caller, hence eventually
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heartbeats(id))
                    .as("every heartbeat answered 200 is recorded, once").hasSize((int) agent.acceptedHeartbeats()));

            agent.setClockSkew(Duration.ofHours(4));
            await("the agent is accepted again").atMost(AFTER_RESTART).ignoreExceptions().untilAsserted(() ->
                    assertThat(agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(200));
            assertThat(heartbeatsWithSkew(id, 4)).isPositive();
            // the agent's own retries after the crash may add accepted heartbeats: each 200 is one record
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(heartbeats(id)).hasSize((int) agent.acceptedHeartbeats()));
        } finally {
            ensureRunning(gateway);
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPolicyChangeAnsweredBeforeACrashIsKeptAndReachesTheComputer() throws Exception {
        long policyID = console.createPolicy("crash-policy-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "2 Seconds",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        ServiceProcess policies = platform.service("policy-service");
        ReferenceAgent agent = console.activateAgent(policyID, "crash-policy-01");
        try {
            long id = agent.computerID();
            String before = await("the computer runs its policy's configuration").atMost(Duration.ofSeconds(30))
                    .until(() -> computer(id).getString("configuration.expected"),
                            expected -> expected != null && expected.equals(agent.configFingerprint()));

            console.policies().body(Map.of("value", "3 Seconds"))
                    .post("/api/policies/" + policyID + "/settings/platformSettingHeartbeatInterval")
                    .then().statusCode(200);
            crashAndRestart(policies);

            console.policies().get("/api/policies/" + policyID).then().statusCode(200)
                    .body("policySettings.platformSettingHeartbeatInterval.value", equalTo("3 Seconds"));
            await("the change reaches the registry and the agent").atMost(AFTER_RESTART).untilAsserted(() -> {
                String expected = computer(id).getString("configuration.expected");
                assertThat(expected).isNotEqualTo(before).isEqualTo(agent.configFingerprint());
                assertThat(agent.heartbeatIntervalSeconds()).isEqualTo(3);
            });
            assertThat(distinctEventIds(Topics.COMPUTER_CONFIG, id,
                    event -> event.getLong("data.heartbeatIntervalSeconds") == 3))
                    .as("the new configuration is published once (a republish keeps its id)").hasSize(1);
        } finally {
            ensureRunning(policies);
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void computersAndATokenCreatedBeforeACrashSurviveTheRegistry() throws Exception {
        long policyID = offlineAtTheFirstMissedBeat("crash-registry-");
        ServiceProcess registry = platform.service("agent-registry");
        ReferenceAgent agent = console.activateAgent(policyID, "crash-registry-01");
        ReferenceAgent second = null;
        try {
            long id = agent.computerID();
            long lastCommunication = await("computer online").atMost(Duration.ofSeconds(30))
                    .until(() -> computer(id), c -> "active".equals(c.getString("computerStatus.agentStatus"))
                            && c.get("lastAgentCommunication") != null).getLong("lastAgentCommunication");

            JsonPath token = console.createToken(policyID, 1).extract().jsonPath();
            crashAndRestart(registry);

            JsonPath kept = computer(id);
            assertThat(kept.getString("hostName")).isEqualTo("crash-registry-01");
            assertThat(kept.getLong("policyID")).isEqualTo(policyID);
            assertThat(kept.getLong("lastAgentCommunication")).isGreaterThanOrEqualTo(lastCommunication);
            second = console.activateAgent(token, "crash-registry-02");
            assertThat(second.computerID()).isNotEqualTo(id);
            console.registry().get("/api/computers?policyID=" + policyID).then().statusCode(200)
                    .body("computers.size()", equalTo(2));

            agent.pauseHeartbeats();
            await("status follows the silence").atMost(AFTER_RESTART).untilAsserted(() ->
                    assertThat(computer(id).getString("computerStatus.agentStatus")).isEqualTo("offline"));
            agent.resumeHeartbeats();
            await("status follows the next heartbeat").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(computer(id).getString("computerStatus.agentStatus")).isEqualTo("active"));
        } finally {
            ensureRunning(registry);
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (second != null) {
                second.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void anOfflineAlertAndItsDismissalSurviveAlertServiceCrashes() throws Exception {
        long policyID = offlineAtTheFirstMissedBeat("crash-alerts-");
        ServiceProcess alerts = platform.service("alert-service");
        ReferenceAgent agent = console.activateAgent(policyID, "crash-alerts-01");
        ReferenceAgent witness = null;
        try {
            long id = agent.computerID();
            // beats throughout; its silence after the last restart shows that the restarted engine judges deadlines
            witness = console.activateAgent(policyID, "crash-alerts-witness");
            long witnessID = witness.computerID();
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.acceptedHeartbeats() >= 2);
            agent.pauseHeartbeats();
            long alertID = ((Number) await("agent-offline raised").atMost(Duration.ofSeconds(60))
                    .until(() -> console.offlineAlerts(id), list -> list.size() == 1).getFirst().get("ID")).longValue();
            crashAndRestart(alerts);

            console.alerts().get("/api/alerts/" + alertID).then().statusCode(200).body("state", equalTo("active"));
            await("the raised event is on vigil.alerts once").atMost(AFTER_RESTART).during(Duration.ofSeconds(3))
                    .until(() -> alertEventIds(id, alertID, "vigil.alert.raised.v1").size() == 1);

            console.alerts().post("/api/alerts/" + alertID + "/dismiss").then().statusCode(200);
            crashAndRestart(alerts);

            console.alerts().get("/api/alerts/" + alertID).then().statusCode(200).body("state", equalTo("dismissed"));
            await("the dismissal is on vigil.alerts once").atMost(AFTER_RESTART).during(Duration.ofSeconds(3))
                    .until(() -> alertEventIds(id, alertID, "vigil.alert.dismissed.v1").size() == 1);
            witness.pauseHeartbeats();
            await("the restarted engine judges deadlines again").atMost(AFTER_RESTART)
                    .until(() -> console.offlineAlerts(witnessID).size() == 1);
            List<Map<String, Object>> offline = console.offlineAlerts(id);
            assertThat(offline).as("the silent agent is not alerted a second time").hasSize(1);
            assertThat(offline.getFirst().get("state")).isEqualTo("dismissed");
            assertThat(alertEventIds(id, alertID, "vigil.alert.raised.v1")).hasSize(1);
        } finally {
            ensureRunning(alerts);
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (witness != null) {
                witness.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** SIGKILL at once (no graceful shutdown, no flush), then a fresh process on the same database and topics. */
    private static void crashAndRestart(ServiceProcess service) {
        service.kill();
        assertThat(service.alive()).as(service.name() + " killed").isFalse();
        service.start().awaitReady();
    }

    /** A failed test must not leave the shared platform without one of its services. */
    private static void ensureRunning(ServiceProcess service) {
        if (!service.alive()) {
            service.start().awaitReady();
        }
    }

    private JsonPath computer(long id) {
        return console.registry().get("/api/computers/" + id).then().statusCode(200).extract().jsonPath();
    }

    private List<ConsumerRecord<String, String>> heartbeats(long id) {
        return TopicRecords.forComputer(platform.infrastructure.bootstrapServers(), Topics.HEARTBEATS, id);
    }

    /** The computer's heartbeats on vigil.heartbeats whose agent time is k hours ahead of the broker's receive time. */
    private long heartbeatsWithSkew(long id, int hours) {
        return heartbeats(id).stream().filter(r -> {
            long agentTime = OffsetDateTime.parse(JsonPath.from(r.value()).getString("data.agentTime"))
                    .toInstant().toEpochMilli();
            return Math.round((agentTime - r.timestamp()) / (double) HOUR_MILLIS) == hours;
        }).count();
    }

    private List<String> distinctEventIds(String topic, long id, Predicate<JsonPath> matching) {
        return TopicRecords.forComputer(platform.infrastructure.bootstrapServers(), topic, id).stream()
                .filter(r -> r.value() != null).map(r -> JsonPath.from(r.value())).filter(matching)
                .map(event -> event.getString("id")).distinct().toList();
    }

    private List<String> alertEventIds(long id, long alertID, String type) {
        return distinctEventIds(Topics.ALERTS, id,
                event -> type.equals(event.getString("type")) && event.getLong("data.ID") == alertID);
    }

    /** A policy whose agents beat every 2 s and go offline (and alert) at the first missed heartbeat. */
    private long offlineAtTheFirstMissedBeat(String namePrefix) {
        return console.createPolicy(namePrefix + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "2 Seconds",
                "platformSettingHeartbeatMissedAlertThreshold", "0",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
    }
}
