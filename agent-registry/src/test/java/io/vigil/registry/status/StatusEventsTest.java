package io.vigil.registry.status;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.events.status.ComputerStatusChanged;
import io.vigil.registry.Api;
import io.vigil.registry.KafkaProbe;
import io.vigil.registry.RegistryTestResource;
import io.vigil.testkit.EventSchemas;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The status engine through the real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
public class StatusEventsTest {

    static final String FP_A = "sha256:" + "a".repeat(64);
    static final String FP_B = "sha256:" + "b".repeat(64);

    @Inject
    StatusEngineService engine;

    @Test
    void heartbeatsLivenessAndConfigurationDriveTheStatusWithOneTransitionEach() {
        try (KafkaProbe status = new KafkaProbe(Topics.COMPUTER_STATUS)) {
            long id = Api.activate(Api.hostName("live"));
            String key = Long.toString(id);
            await().untilAsserted(() -> assertThat(statuses(status, key)).extracting(ComputerStatusChanged::agentStatus)
                    .containsExactly("active"));

            long received = heartbeat(id, FP_A, null);
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("computerStatus.agentStatusMessages[0]", equalTo("Managed (Online)"))
                    .body("lastAgentCommunication", equalTo(received))
                    .body("lastIPUsed", equalTo("10.9.8.7")).body("driverStatus", equalTo("Online"))
                    .body("agentFingerPrint", equalTo(FP_A)).body("configuration.reported", equalTo(FP_A))
                    .body("tls.protocol", equalTo("TLSv1.3")).body("tls.cipherSuite", equalTo("TLS_AES_128_GCM_SHA256"))
                    .body("counters.firewallPacketsBlocked", equalTo(12)));

            send(Topics.COMPUTER_CONFIG, id, EventTypes.COMPUTER_CONFIGURATION, new ComputerConfiguration(id, 7,
                    Map.of(), null, FP_B, 600, 2, null, false, Instant.now()));
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("computerStatus.agentStatusMessages[0]", equalTo("Managed (Online) - Update Pending"))
                    .body("configuration.expected", equalTo(FP_B)).body("configuration.upToDate", equalTo(false)));

            heartbeat(id, FP_B, List.of(new HeartbeatReceived.OperationResult(18, "UpdateConfiguration", "applied",
                    null)));
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("computerStatus.agentStatusMessages[0]", equalTo("Managed (Online)"))
                    .body("configuration.upToDate", equalTo(true))
                    .body("configuration.lastOperation.operationID", equalTo(18))
                    .body("configuration.lastOperation.status", equalTo("applied")));

            long last = Api.read().get("/api/computers/" + id).then().extract().<Long>path("lastAgentCommunication");
            send(Topics.CONTACT_FAILURES, id, EventTypes.CONTACT_FAILED,
                    new ContactFailed(id, "heartbeat-request", "timeout", "no answer in 10 s", Instant.now()));
            send(Topics.LIVENESS, id, EventTypes.LIVENESS_CHANGED,
                    new LivenessChanged(id, 3, true, Instant.ofEpochMilli(last), Instant.now()));
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("computerStatus.agentStatus", equalTo("offline"))
                    .body("computerStatus.agentStatusMessages[0]", equalTo("Offline"))
                    .body("missedHeartbeats", equalTo(3)).body("offlineReason", equalTo("timeout")));

            send(Topics.LIVENESS, id, EventTypes.LIVENESS_CHANGED,
                    new LivenessChanged(id, 0, false, Instant.ofEpochMilli(last), Instant.now()));
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("computerStatus.agentStatus", equalTo("active"))
                    .body("missedHeartbeats", equalTo(0)).body("offlineReason", nullValue()));

            Api.full().delete("/api/computers/" + id).then().statusCode(204);
            await().untilAsserted(() -> {
                List<ComputerStatusChanged> seen = statuses(status, key);
                assertThat(seen).extracting(ComputerStatusChanged::agentStatus)
                        .containsExactly("active", "offline", "active", "inactive");
                assertThat(seen).extracting(ComputerStatusChanged::previousStatus)
                        .containsExactly(null, "active", "offline", "active");
                assertThat(seen.get(1).offlineReason()).isEqualTo("timeout");
                assertThat(seen.get(1).missedHeartbeats()).isEqualTo(3);
            });
        }
    }

    @Test
    void aNewerHeartbeatEndsOfflineAndAStaleJudgementIsIgnored() {
        long id = Api.activate(Api.hostName("stale"));
        long first = heartbeat(id, FP_A, null);
        send(Topics.LIVENESS, id, EventTypes.LIVENESS_CHANGED,
                new LivenessChanged(id, 3, true, Instant.ofEpochMilli(first), Instant.now()));
        await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                .body("computerStatus.agentStatus", equalTo("offline")));
        long second = heartbeat(id, FP_A, null);
        send(Topics.LIVENESS, id, EventTypes.LIVENESS_CHANGED,
                new LivenessChanged(id, 4, true, Instant.ofEpochMilli(first), Instant.now()));
        heartbeat(id, FP_A, null);
        await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                .body("computerStatus.agentStatus", equalTo("active"))
                .body("missedHeartbeats", equalTo(0)));
        assertThat(second).isGreaterThanOrEqualTo(first);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopic() {
        try (KafkaProbe dead = new KafkaProbe(Topics.DEAD_LETTER)) {
            long id = Api.activate(Api.hostName("poison"));
            KafkaProbe.send(Topics.HEARTBEATS, Long.toString(id), "{not json".getBytes(StandardCharsets.UTF_8));
            KafkaProbe.send(Topics.LIVENESS, "not-a-computer", "{}".getBytes(StandardCharsets.UTF_8));
            await().untilAsserted(() -> assertThat(dead.records()).extracting(this::sourceTopic)
                    .contains(Topics.HEARTBEATS, Topics.LIVENESS));
            long received = heartbeat(id, FP_A, null);
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("lastAgentCommunication", equalTo(received)));
        }
    }

    @Test
    void aRestartedEngineRebuildsFromTheDatabaseAndTheLog() {
        try (KafkaProbe status = new KafkaProbe(Topics.COMPUTER_STATUS)) {
            long id = Api.activate(Api.hostName("restart"));
            long received = heartbeat(id, FP_A, null);
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("lastAgentCommunication", equalTo(received)));
            engine.stop();
            send(Topics.LIVENESS, id, EventTypes.LIVENESS_CHANGED,
                    new LivenessChanged(id, 3, true, Instant.ofEpochMilli(received), Instant.now()));
            engine.start();
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("computerStatus.agentStatus", equalTo("offline"))
                    .body("lastAgentCommunication", equalTo(received)));
            await().untilAsserted(() -> assertThat(statuses(status, Long.toString(id)))
                    .extracting(ComputerStatusChanged::agentStatus).containsExactly("active", "offline"));
        }
    }

    private String sourceTopic(ConsumerRecord<String, byte[]> r) {
        var header = r.headers().lastHeader("vigil.source-topic");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static long heartbeat(long id, String fingerprint, List<HeartbeatReceived.OperationResult> results) {
        return heartbeat(id, fingerprint, results, 4118);
    }

    /** A heartbeat as the gateway publishes it; {@code listeningPort} null when the agent reported none. */
    static long heartbeat(long id, String fingerprint, List<HeartbeatReceived.OperationResult> results,
                          Integer listeningPort) {
        HeartbeatReceived hb = new HeartbeatReceived(id, Instant.now(), "2026-11-25T10:00:00.123Z", "20.0.1-3445",
                "Online", fingerprint, Map.of("eventsDropped", 0L, "firewallPacketsBlocked", 12L), "10.9.8.7",
                "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1000L, listeningPort, List.of(), results, false);
        return send(Topics.HEARTBEATS, id, EventTypes.HEARTBEAT_RECEIVED, hb);
    }

    public static long send(String topic, long id, String type, Object data) {
        String key = Long.toString(id);
        return KafkaProbe.send(topic, key, EventJson.toBytes(CloudEvents.create("/test", type, key, data)));
    }

    static List<ComputerStatusChanged> statuses(KafkaProbe probe, String key) {
        probe.records(key).forEach(r -> EventSchemas.check(new String(r.value(), StandardCharsets.UTF_8)));
        return probe.records(key).stream()
                .map(r -> EventJson.readEvent(r.value(), ComputerStatusChanged.class).data()).toList();
    }
}
