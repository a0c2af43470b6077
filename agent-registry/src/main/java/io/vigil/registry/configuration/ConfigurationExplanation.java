package io.vigil.registry.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.config.ConfigurationSource;

import java.util.List;
import java.util.Map;

/**
 * Why a computer does or does not run the expected configuration, judged from the two fingerprints and the documents
 * the platform published (null where none is kept). Plain Java.
 */
public final class ConfigurationExplanation {

    /** How the reported configuration relates to the expected one. */
    public enum Verdict {
        /** The platform has not published a configuration for the computer yet. */
        NOTHING_EXPECTED,
        /** The agent has not reported a fingerprint yet. */
        NOTHING_REPORTED,
        UP_TO_DATE,
        /** Both documents are known: {@code differences} says which members differ. */
        DIFFERS,
        /** The reported fingerprint matches no document the platform published: what differs cannot be known. */
        REPORTED_NOT_KNOWN,
        /** The expected document is not kept (published before the registry kept documents). */
        EXPECTED_NOT_KNOWN
    }

    /** The judgement: {@code differences} is null unless both documents are known. */
    public record Explanation(Verdict verdict, List<ConfigurationDiff.Difference> differences, String text) {
    }

    private ConfigurationExplanation() {
    }

    public static Explanation explain(String expectedFingerprint, JsonNode expectedDocument,
                                      Map<String, ConfigurationSource> sources, String reportedFingerprint,
                                      JsonNode reportedDocument) {
        if (expectedFingerprint == null) {
            return new Explanation(Verdict.NOTHING_EXPECTED, null,
                    "The platform has not published a configuration for this computer yet.");
        }
        if (reportedFingerprint == null) {
            return new Explanation(Verdict.NOTHING_REPORTED, null,
                    "The agent has not reported the fingerprint of the configuration it runs yet.");
        }
        if (expectedFingerprint.equals(reportedFingerprint)) {
            return new Explanation(Verdict.UP_TO_DATE, List.of(), "The computer runs the expected configuration.");
        }
        if (reportedDocument == null) {
            return new Explanation(Verdict.REPORTED_NOT_KNOWN, null, "Not known: the agent reports "
                    + reportedFingerprint + ", which matches no configuration document the platform has published "
                    + "since the registry keeps them, so which members differ cannot be said. The agent may run a "
                    + "configuration changed on the computer, one from another manager, or one published before the "
                    + "registry kept documents; the next configuration it applies will say.");
        }
        if (expectedDocument == null) {
            return new Explanation(Verdict.EXPECTED_NOT_KNOWN, null, "Not known: the expected configuration "
                    + expectedFingerprint + " was published before the registry kept documents; it is kept from its "
                    + "next publication.");
        }
        List<ConfigurationDiff.Difference> differences = ConfigurationDiff.between(expectedDocument,
                reportedDocument, sources);
        return new Explanation(Verdict.DIFFERS, differences, "The agent runs an earlier configuration the platform "
                + "published (" + reportedFingerprint + "); " + differences.size() + " member"
                + (differences.size() == 1 ? " differs" : "s differ") + " from the expected one: "
                + String.join(", ", differences.stream().map(ConfigurationDiff.Difference::member).toList()) + ".");
    }
}
