package io.vigil.registry.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.EventJson;
import io.vigil.events.config.ConfigurationSource;
import io.vigil.registry.configuration.ConfigurationExplanation.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationExplanationTest {

    static final String FP_A = "sha256:" + "a".repeat(64);
    static final String FP_B = "sha256:" + "b".repeat(64);
    static final ConfigurationSource POLICY_7 = new ConfigurationSource("platformSettingHeartbeatInterval", "policy",
            7L, null);
    static final ConfigurationSource COMPUTER = new ConfigurationSource(
            "platformSettingAgentCommunicationsDirection", "computer", null, null);
    static final Map<String, ConfigurationSource> SOURCES = Map.of("heartbeatIntervalSeconds", POLICY_7,
            "communicationsDirection", COMPUTER);

    static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final JsonNode EXPECTED = json("{\"heartbeatIntervalSeconds\":120,\"communicationsDirection\":"
            + "\"Manager Initiated\",\"clockChangeThresholdSeconds\":null,\"listeningPortAllowedSources\":[\"any\"]}");

    @Test
    void namesEachDifferingMemberWithTheSourceOfItsExpectedValue() {
        JsonNode reported = json("{\"heartbeatIntervalSeconds\":600,\"communicationsDirection\":\"Bidirectional\","
                + "\"clockChangeThresholdSeconds\":null,\"listeningPortAllowedSources\":[\"any\"]}");
        var why = ConfigurationExplanation.explain(FP_B, EXPECTED, SOURCES, FP_A, reported);
        assertThat(why.verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(why.differences()).extracting(ConfigurationDiff.Difference::member)
                .containsExactly("communicationsDirection", "heartbeatIntervalSeconds");
        ConfigurationDiff.Difference interval = why.differences().get(1);
        assertThat(interval.expected().asLong()).isEqualTo(120);
        assertThat(interval.reported().asLong()).isEqualTo(600);
        assertThat(interval.source()).isEqualTo(POLICY_7);
        assertThat(why.differences().get(0).source()).isEqualTo(COMPUTER);
        assertThat(why.text()).contains("2 members differ", "communicationsDirection, heartbeatIntervalSeconds");
    }

    @Test
    void aReportedFingerprintNoDocumentMatchesIsNotKnown() {
        var why = ConfigurationExplanation.explain(FP_B, EXPECTED, SOURCES, FP_A, null);
        assertThat(why.verdict()).isEqualTo(Verdict.REPORTED_NOT_KNOWN);
        assertThat(why.differences()).isNull();
        assertThat(why.text()).startsWith("Not known").contains(FP_A, "matches no configuration document");
    }

    @Test
    void theSameFingerprintIsUpToDateWithNoDifferences() {
        var why = ConfigurationExplanation.explain(FP_A, EXPECTED, SOURCES, FP_A, EXPECTED);
        assertThat(why.verdict()).isEqualTo(Verdict.UP_TO_DATE);
        assertThat(why.differences()).isEmpty();
    }

    @Test
    void nothingExpectedOrReportedYetIsSaidSo() {
        assertThat(ConfigurationExplanation.explain(null, null, Map.of(), FP_A, null).verdict())
                .isEqualTo(Verdict.NOTHING_EXPECTED);
        assertThat(ConfigurationExplanation.explain(FP_A, EXPECTED, SOURCES, null, null).verdict())
                .isEqualTo(Verdict.NOTHING_REPORTED);
        assertThat(ConfigurationExplanation.explain(FP_B, null, Map.of(), FP_A, EXPECTED).verdict())
                .isEqualTo(Verdict.EXPECTED_NOT_KNOWN);
    }

    @Test
    void valuesCompareInTheirCanonicalFormAndMissingMembersDiffer() {
        JsonNode reported = json("{\"heartbeatIntervalSeconds\":120.0,\"communicationsDirection\":"
                + "\"Manager Initiated\",\"listeningPortAllowedSources\":[\"any\"],\"extra\":true}");
        var differences = ConfigurationDiff.between(EXPECTED, reported, SOURCES);
        assertThat(differences).extracting(ConfigurationDiff.Difference::member)
                .containsExactly("clockChangeThresholdSeconds", "extra");
        assertThat(differences.get(0).expected().isNull()).isTrue();
        assertThat(differences.get(0).reported()).isNull();
        assertThat(differences.get(0).source()).as("the platform did not say").isNull();
        assertThat(differences.get(1).expected()).isNull();
        assertThat(differences.get(1).source()).isNull();
    }

    @Test
    void aReportSaysWhetherTheReportedDocumentIsKnownAndUsesSourcesOnlyOfTheSameVersion() {
        var stale = new ConfigurationStore.Expected(1, FP_A, 7, SOURCES);
        ConfigurationReport report = ConfigurationReport.of(1, FP_B, EXPECTED, stale, FP_A, null);
        assertThat(report.upToDate()).isFalse();
        assertThat(report.verdict()).isEqualTo("reported-not-known");
        assertThat(report.reported().known()).isFalse();
        assertThat(report.expected().sources()).isEmpty();
        assertThat(report.expected().policyID()).isNull();
        var current = new ConfigurationStore.Expected(1, FP_B, 7, SOURCES);
        ConfigurationReport known = ConfigurationReport.of(1, FP_B, EXPECTED, current, FP_A,
                ((com.fasterxml.jackson.databind.node.ObjectNode) EXPECTED.deepCopy()).put("heartbeatIntervalSeconds",
                        600));
        assertThat(known.verdict()).isEqualTo("differs");
        assertThat(known.expected().policyID()).isEqualTo(7);
        assertThat(known.differences()).singleElement().satisfies(d -> {
            assertThat(d.member()).isEqualTo("heartbeatIntervalSeconds");
            assertThat(d.source().level()).isEqualTo("policy");
            assertThat(d.source().policyID()).isEqualTo(7);
        });
    }
}
