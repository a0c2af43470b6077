package io.vigil.events.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.EventJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples that policy-service's README repeats, so that any agent implementation can check itself. */
class ConfigFingerprintTest {

    static final AgentConfiguration BASE_POLICY_DEFAULT =
            new AgentConfiguration(600, "Bidirectional", null, List.of("any"));
    static final AgentConfiguration RESTRICTED = new AgentConfiguration(60, "Manager Initiated", 300L,
            List.of("10.0.0.0/8", "2001:db8::1", "aa:bb:cc:dd:ee:ff"));
    static final AgentConfiguration AGENT_INITIATED =
            new AgentConfiguration(600, "Agent/Appliance Initiated", null, List.of("any"));

    @Test
    void basePolicyDefaultDocument() {
        assertThat(ConfigFingerprint.canonicalForm(BASE_POLICY_DEFAULT)).isEqualTo(
                "{\"clockChangeThresholdSeconds\":null,\"communicationsDirection\":\"Bidirectional\","
                        + "\"heartbeatIntervalSeconds\":600,\"listeningPortAllowedSources\":[\"any\"]}");
        assertThat(ConfigFingerprint.of(BASE_POLICY_DEFAULT))
                .isEqualTo("sha256:275908521c628ea4625aa085a5aaa17b1bfe9124b851bacc64e982b3bd48b6be")
                .isEqualTo(ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX);
    }

    @Test
    void restrictedManagerInitiatedDocument() {
        assertThat(ConfigFingerprint.canonicalForm(RESTRICTED)).isEqualTo(
                "{\"clockChangeThresholdSeconds\":300,\"communicationsDirection\":\"Manager Initiated\","
                        + "\"heartbeatIntervalSeconds\":60,"
                        + "\"listeningPortAllowedSources\":[\"10.0.0.0/8\",\"2001:db8::1\",\"aa:bb:cc:dd:ee:ff\"]}");
        assertThat(ConfigFingerprint.of(RESTRICTED))
                .isEqualTo("sha256:4e3e178dcaa005da02f18050be89510c6264aba48d72cf6cdfe51e75e9f1c59d");
    }

    @Test
    void agentInitiatedDocument() {
        assertThat(ConfigFingerprint.of(AGENT_INITIATED))
                .isEqualTo("sha256:ef2a568d05e20ed0235f81510e0317f35b4d6763d2f2870f7515a7dd45d2f330");
    }

    @Test
    void anAgentGetsTheSameFingerprintFromTheDocumentAsItArrivesInAnyMemberOrder() throws Exception {
        JsonNode received = EventJson.mapper().readTree("""
                {"listeningPortAllowedSources": ["any"], "heartbeatIntervalSeconds": 600.0,
                 "communicationsDirection": "Bidirectional", "clockChangeThresholdSeconds": null}""");
        assertThat(ConfigFingerprint.ofDocument(received)).isEqualTo(ConfigFingerprint.of(BASE_POLICY_DEFAULT));
    }

    @Test
    void theDocumentSerialisedByEventJsonHasTheSameFingerprint() throws Exception {
        JsonNode viaRecord = EventJson.mapper().readTree(EventJson.toBytes(RESTRICTED));
        assertThat(ConfigFingerprint.ofDocument(viaRecord)).isEqualTo(ConfigFingerprint.of(RESTRICTED));
    }

    @Test
    void everyMemberChangesTheFingerprint() {
        String base = ConfigFingerprint.of(BASE_POLICY_DEFAULT);
        assertThat(List.of(
                new AgentConfiguration(601, "Bidirectional", null, List.of("any")),
                new AgentConfiguration(600, "Manager Initiated", null, List.of("any")),
                new AgentConfiguration(600, "Bidirectional", 600L, List.of("any")),
                new AgentConfiguration(600, "Bidirectional", null, List.of("10.0.0.1")),
                new AgentConfiguration(600, "Bidirectional", null, List.of())))
                .extracting(ConfigFingerprint::of).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void aMissingSourceListIsAnEmptyArray() {
        assertThat(ConfigFingerprint.canonicalForm(new AgentConfiguration(1, "Bidirectional", 10L, null)))
                .isEqualTo("{\"clockChangeThresholdSeconds\":10,\"communicationsDirection\":\"Bidirectional\","
                        + "\"heartbeatIntervalSeconds\":1,\"listeningPortAllowedSources\":[]}");
    }
}
