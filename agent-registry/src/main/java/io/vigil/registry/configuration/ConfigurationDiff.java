package io.vigil.registry.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.config.ConfigurationSource;
import io.vigil.events.config.JsonCanonicalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which members of the configuration document an agent runs differ from the one the platform expects, and where
 * each expected value comes from. Values are compared in their RFC 8785 form (the form the fingerprint hashes), so
 * {@code 600} and {@code 600.0} are the same value. Plain Java.
 */
public final class ConfigurationDiff {

    /**
     * One differing member. A member missing from a document is null on that side.
     *
     * @param source where the expected value comes from; null when the platform did not say (or for a member the
     *               expected document does not have)
     */
    public record Difference(String member, JsonNode expected, JsonNode reported, ConfigurationSource source) {
    }

    private ConfigurationDiff() {
    }

    /**
     * The members that differ, in member-name order.
     *
     * @param expected the expected document (a JSON object)
     * @param reported the document the agent runs (a JSON object)
     * @param sources  where the expected document's members come from, by member name
     */
    public static List<Difference> between(JsonNode expected, JsonNode reported,
                                           Map<String, ConfigurationSource> sources) {
        TreeSet<String> members = new TreeSet<>();
        expected.fieldNames().forEachRemaining(members::add);
        reported.fieldNames().forEachRemaining(members::add);
        List<Difference> differences = new ArrayList<>();
        for (String member : members) {
            JsonNode want = expected.get(member);
            JsonNode have = reported.get(member);
            if (!same(want, have)) {
                differences.add(new Difference(member, want, have, want == null ? null : sources.get(member)));
            }
        }
        return differences;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return JsonCanonicalizer.canonicalize(a).equals(JsonCanonicalizer.canonicalize(b));
    }
}
