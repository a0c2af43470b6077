package io.vigil.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.Json;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunningConfigurationTest {

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultsAreTheBasePolicyWithItsPinnedFingerprint() {
        RunningConfiguration defaults = RunningConfiguration.defaults();

        assertThat(defaults.fingerprint()).isEqualTo("sha256:" + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX);
        assertThat(defaults.listens()).isTrue();
        assertThat(defaults.sendsHeartbeats()).isTrue();
    }

    @Test
    void theFingerprintIsComputedOverWhatIsRunNotCopied() {
        RunningConfiguration running = RunningConfiguration.parse(json("""
                {"heartbeatIntervalSeconds": 60, "communicationsDirection": "Manager Initiated",
                 "clockChangeThresholdSeconds": 600, "listeningPortAllowedSources": ["10.0.0.0/8"],
                 "configFingerprint": "sha256:copied", "somethingNew": true}
                """));

        AgentConfiguration expected = new AgentConfiguration(60, "Manager Initiated", 600L, List.of("10.0.0.0/8"));
        assertThat(running.configuration()).isEqualTo(expected);
        assertThat(running.fingerprint()).isEqualTo(ConfigFingerprint.of(expected));
        assertThat(running.sendsHeartbeats()).isFalse();
        assertThat(running.listens()).isTrue();
    }

    @Test
    void directionsDecideListeningAndHeartbeats() {
        assertThat(Directions.listens(Directions.AGENT_INITIATED)).isFalse();
        assertThat(Directions.sendsHeartbeats(Directions.AGENT_INITIATED)).isTrue();
        assertThat(Directions.listens(Directions.BIDIRECTIONAL)).isTrue();
        assertThat(Directions.sendsHeartbeats(Directions.BIDIRECTIONAL)).isTrue();
    }

    @Test
    void everyKindOfBadDocumentIsRefusedWithItsReason() {
        String ok = "\"communicationsDirection\": \"Bidirectional\", \"listeningPortAllowedSources\": [\"any\"]";
        assertRefused("[]", "JSON object");
        assertRefused("{\"heartbeatIntervalSeconds\": 0, " + ok + "}", "heartbeatIntervalSeconds");
        assertRefused("{\"heartbeatIntervalSeconds\": 86401, " + ok + "}", "heartbeatIntervalSeconds");
        assertRefused("{\"heartbeatIntervalSeconds\": 60.5, " + ok + "}", "heartbeatIntervalSeconds");
        assertRefused("{\"heartbeatIntervalSeconds\": \"60\", " + ok + "}", "heartbeatIntervalSeconds");
        assertRefused("""
                {"heartbeatIntervalSeconds": 60, "communicationsDirection": "Sideways",
                 "listeningPortAllowedSources": ["any"]}""", "communicationsDirection");
        assertRefused("{\"heartbeatIntervalSeconds\": 60, \"clockChangeThresholdSeconds\": 5, " + ok + "}",
                "clockChangeThresholdSeconds");
        assertRefused("""
                {"heartbeatIntervalSeconds": 60, "communicationsDirection": "Bidirectional"}""",
                "listeningPortAllowedSources");
        assertRefused("""
                {"heartbeatIntervalSeconds": 60, "communicationsDirection": "Bidirectional",
                 "listeningPortAllowedSources": [1]}""", "listeningPortAllowedSources");
        assertRefused("""
                {"heartbeatIntervalSeconds": 60, "communicationsDirection": "Bidirectional",
                 "listeningPortAllowedSources": ["web.example.com"]}""", "web.example.com");
    }

    private static void assertRefused(String document, String reason) {
        assertThatThrownBy(() -> RunningConfiguration.parse(json(document))).as(document)
                .isInstanceOf(RunningConfiguration.InvalidConfigurationException.class)
                .hasMessageContaining(reason);
    }
}
