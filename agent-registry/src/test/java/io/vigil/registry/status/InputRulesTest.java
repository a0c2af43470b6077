package io.vigil.registry.status;

import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link InputRules}: the good record passes, and each way of being poisonous names its field. */
class InputRulesTest {

    static final long ID = 7;
    static final long NOW = 1_764_000_000_000L;
    static final String FP = "sha256:" + "a".repeat(64);
    static final Instant END_OF_TIME = Instant.parse("+999999999-12-31T23:59:59Z");

    static String registration(String host, String state, String vm, int port) {
        return InputRules.refusal(new Input.Registration(ID, new ComputerRegistration(ID, host, "Linux", "20", "20",
                "physical", 1, "10.0.0.1", port, vm, state, "01", null, Instant.EPOCH)), NOW);
    }

    static String heartbeat(String version, String driver, String fp, Map<String, Long> counters, String ip,
                            Integer port, List<HeartbeatReceived.OperationResult> ops) {
        return InputRules.refusal(new Input.Heartbeat(ID, NOW, new HeartbeatReceived(ID, Instant.EPOCH, "x", version,
                driver, fp, counters, ip, "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1L, port, List.of(), ops, false)), NOW);
    }

    static String heartbeat(String driver) {
        return heartbeat("20.0.1", driver, FP, Map.of("eventsDropped", 1L), "10.0.0.1", 4118, List.of());
    }

    @Test
    void registrations() {
        assertThat(registration("web-01", "activated", "running", 4118)).isNull();
        assertThat(registration("h".repeat(253), "deactivated", "stopped", 0)).isNull();
        assertThat(registration("\ud83d\ude00", "activated", "running", 65_535)).isNull();
        assertThat(registration("web\u000001", "activated", "running", 4118)).startsWith("hostName contains NUL");
        assertThat(registration("web\ud800", "activated", "running", 4118)).contains("unpaired");
        assertThat(registration("h".repeat(254), "activated", "running", 4118)).startsWith("hostName is longer");
        assertThat(registration(null, "activated", "running", 4118)).isEqualTo("hostName is missing");
        assertThat(registration("", "activated", "running", 4118)).isEqualTo("hostName is missing");
        assertThat(registration("web", "zombie", "running", 4118)).startsWith("state is not one of");
        assertThat(registration("web", null, "running", 4118)).isEqualTo("state is missing");
        assertThat(registration("web", "activated", "paused", 4118)).startsWith("vmState is not one of");
        assertThat(registration("web", "activated", null, 4118)).isEqualTo("vmState is missing");
        assertThat(registration("web", "activated", "running", 65_536)).startsWith("listeningPort is outside");
        assertThat(registration("web", "activated", "running", -1)).startsWith("listeningPort is outside");
        assertThat(InputRules.refusal(new Input.Registration(8, new ComputerRegistration(ID, "web", "Linux", "20",
                "20", "physical", 1, "10.0.0.1", 1, "running", "activated", "01", null, Instant.EPOCH)), NOW))
                .isEqualTo("computerID differs from the record key");
    }

    @Test
    void heartbeats() {
        assertThat(heartbeat("Online")).isNull();
        assertThat(heartbeat("Offline")).isNull();
        assertThat(heartbeat(null)).isNull();
        assertThat(heartbeat("On\u0000line")).startsWith("driverStatus is not one of").contains("not storable text")
                .doesNotContain("\u0000");
        assertThat(heartbeat("online")).startsWith("driverStatus is not one of");
        assertThat(heartbeat("v".repeat(65), "Online", FP, null, "10.0.0.1", null, null))
                .startsWith("agentVersion is longer than 64");
        assertThat(heartbeat("20", "Online", "sha256:abc", null, "10.0.0.1", null, null))
                .startsWith("configFingerprint");
        assertThat(heartbeat("20", "Online", null, null, "10.0.0.1", null, null)).isNull();
        assertThat(heartbeat("20", "Online", FP, null, "10.0.0.1\u0000", null, null)).startsWith("remoteAddress");
        assertThat(heartbeat("20", "Online", FP, null, "10.0.0.1", 0, null)).startsWith("listeningPort");
        assertThat(heartbeat("20", "Online", FP, null, "10.0.0.1", 65_536, null)).startsWith("listeningPort");
        assertThat(InputRules.refusal(new Input.Heartbeat(ID, Long.MAX_VALUE, new HeartbeatReceived(ID, Instant.EPOCH,
                "x", "20", "Online", FP, null, "ip", null, null, null, null, null, null, false)), Long.MAX_VALUE))
                .startsWith("record timestamp is outside");
        assertThat(InputRules.refusal(new Input.Heartbeat(ID, -1, new HeartbeatReceived(ID, Instant.EPOCH,
                "x", "20", "Online", FP, null, "ip", null, null, null, null, null, null, false)), -1))
                .startsWith("record timestamp is outside");
    }

    @Test
    void countersAndOperationResults() {
        assertThat(heartbeat("20", "Online", FP, Map.of("a\u0000", 1L), "ip", null, null))
                .startsWith("counters name contains NUL");
        assertThat(heartbeat("20", "Online", FP, Map.of("a", -1L), "ip", null, null)).startsWith("counters value");
        assertThat(heartbeat("20", "Online", FP, Map.of("a", 1L << 53), "ip", null, null)).startsWith("counters value");
        Map<String, Long> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThat(heartbeat("20", "Online", FP, withNull, "ip", null, null)).isEqualTo("counters value is missing");
        Map<String, Long> many = new HashMap<>();
        for (int i = 0; i <= InputRules.MAX_COUNTERS; i++) {
            many.put("c" + i, 1L);
        }
        assertThat(heartbeat("20", "Online", FP, many, "ip", null, null)).startsWith("counters has more than 200");
        assertThat(heartbeat("20", "Online", FP, null, "ip", null, List.of(op(5, "applied", null)))).isNull();
        assertThat(heartbeat("20", "Online", FP, null, "ip", null, List.of(op(-5, "applied", null))))
                .startsWith("operationResults.operationID");
        assertThat(heartbeat("20", "Online", FP, null, "ip", null, List.of(op(5, "done", null))))
                .startsWith("operationResults.status is not one of");
        assertThat(heartbeat("20", "Online", FP, null, "ip", null, List.of(op(5, "failed", "r".repeat(1_025)))))
                .startsWith("operationResults.reason is longer");
        assertThat(heartbeat("20", "Online", FP, null, "ip", null, java.util.Arrays.asList(op(5, "failed", "x"),
                null))).isEqualTo("operationResults has a null entry");
    }

    static HeartbeatReceived.OperationResult op(long id, String status, String reason) {
        return new HeartbeatReceived.OperationResult(id, "UpdateConfiguration", status, reason);
    }

    static String liveness(int missed, Instant last, Instant judged, String reason) {
        return InputRules.refusal(new Input.Liveness(ID, new LivenessChanged(ID, missed, true, last, judged, reason)),
                NOW);
    }

    @Test
    void livenessJudgements() {
        Instant t = Instant.ofEpochMilli(NOW);
        assertThat(liveness(3, t, t, null)).isNull();
        assertThat(liveness(3, null, null, "platform-outage")).isNull();
        assertThat(liveness(3, t, t, "a-newer-reason")).isNull();
        assertThat(liveness(-1, t, t, null)).startsWith("missedHeartbeats is outside");
        assertThat(liveness(3, END_OF_TIME, t, null)).startsWith("lastHeartbeatAt is outside");
        assertThat(liveness(3, Instant.EPOCH.minusMillis(1), t, null)).startsWith("lastHeartbeatAt is outside");
        assertThat(liveness(3, t, Instant.MAX, null)).startsWith("judgedAt is outside");
        assertThat(liveness(3, t, t, "Platform Outage")).startsWith("reason is not a lowercase token");
        assertThat(liveness(3, t, t, "x\u0000")).startsWith("reason is not a lowercase token")
                .doesNotContain("\u0000");
    }

    static String contact(String reason, Instant at) {
        return InputRules.refusal(new Input.Contact(ID, new ContactFailed(ID, "heartbeat-request", reason, "d", at)),
                NOW);
    }

    @Test
    void contactFailuresAndConfigurations() {
        Instant t = Instant.ofEpochMilli(NOW);
        for (String reason : List.of("refused", "tls-failure", "timeout", "certificate-problem",
                "address-not-allowed", "error")) {
            assertThat(contact(reason, t)).as(reason).isNull();
        }
        assertThat(contact(null, t)).isEqualTo("reason is missing");
        assertThat(contact("timeout", END_OF_TIME)).startsWith("at is outside");
        assertThat(contact("timeout", Instant.ofEpochMilli(Verdict.LATEST_MS))).isNull();
        assertThat(contact("timeout", Instant.ofEpochMilli(Verdict.LATEST_MS + 1))).startsWith("at is outside");
        assertThat(InputRules.refusal(new Input.Config(ID, null), NOW)).isNull();
        assertThat(InputRules.refusal(new Input.Config(ID, config(FP)), NOW)).isNull();
        assertThat(InputRules.refusal(new Input.Config(ID, config("sha1:x")), NOW)).startsWith("configFingerprint");
    }

    static ComputerConfiguration config(String fp) {
        return new ComputerConfiguration(ID, 1, Map.of(), null, fp, 60, 2, null, false, Instant.EPOCH);
    }
}
