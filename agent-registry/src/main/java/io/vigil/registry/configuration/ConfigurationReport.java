package io.vigil.registry.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.config.ConfigurationSource;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/computers/{id}/configuration}: the configuration a computer is expected to run, the one it reports,
 * which members differ and where each expected value comes from.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "Which configuration a computer runs against the expected one, and why they differ.")
public record ConfigurationReport(long computerID, Boolean upToDate, String verdict, String explanation,
                                  Expected expected, Reported reported, List<Difference> differences) {

    /** The configuration the platform expects; {@code policyID} and {@code sources} as it published them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Expected(String fingerprint, Long policyID, JsonNode document,
                           Map<String, ConfigurationSource> sources) {
    }

    /** The configuration the agent reports; {@code known} whether the platform published that document. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reported(String fingerprint, boolean known, JsonNode document) {
    }

    /** One member that differs, with the setting and level the expected value comes from. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Difference(String member, AnyJson expected, AnyJson reported, ConfigurationSource source) {
    }

    public static ConfigurationReport of(long computerID, String expectedFingerprint, JsonNode expectedDocument,
                                         ConfigurationStore.Expected published, String reportedFingerprint,
                                         JsonNode reportedDocument) {
        boolean sameVersion = published != null && published.fingerprint().equals(expectedFingerprint);
        Map<String, ConfigurationSource> sources = sameVersion ? published.sources() : Map.of();
        ConfigurationExplanation.Explanation why = ConfigurationExplanation.explain(expectedFingerprint,
                expectedDocument, sources, reportedFingerprint, reportedDocument);
        List<Difference> differences = why.differences() == null ? null : why.differences().stream()
                .map(d -> new Difference(d.member(), AnyJson.of(d.expected()), AnyJson.of(d.reported()), d.source()))
                .toList();
        Boolean upToDate = expectedFingerprint == null || reportedFingerprint == null ? null
                : expectedFingerprint.equals(reportedFingerprint);
        return new ConfigurationReport(computerID, upToDate, why.verdict().name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), why.text(),
                expectedFingerprint == null ? null : new Expected(expectedFingerprint,
                        sameVersion ? published.policyID() : null, expectedDocument, sources),
                reportedFingerprint == null ? null : new Reported(reportedFingerprint, reportedDocument != null,
                        reportedDocument), differences);
    }
}
