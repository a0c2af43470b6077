package io.vigil.events.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The configuration fingerprint of docs/agent-protocol.md: {@code "sha256:"} + lowercase hex of SHA-256 over the UTF-8
 * bytes of the RFC 8785 form of the agent's configuration document.
 * <p>
 * Worked example (the Base Policy defaults): the document
 * {@code {"clockChangeThresholdSeconds":null,"communicationsDirection":"Bidirectional","heartbeatIntervalSeconds":600,"listeningPortAllowedSources":["any"]}}
 * has the fingerprint {@code sha256:} followed by {@value #BASE_POLICY_DEFAULT_HEX}.
 */
public final class ConfigFingerprint {

    /** Fingerprint hex digits of the Base Policy default document (pinned by the unit tests and the README). */
    public static final String BASE_POLICY_DEFAULT_HEX = "275908521c628ea4625aa085a5aaa17b1bfe9124b851bacc64e982b3bd48b6be";
    public static final String PREFIX = "sha256:";

    private ConfigFingerprint() {
    }

    /** The fingerprint of a configuration. */
    public static String of(AgentConfiguration configuration) {
        return ofDocument(document(configuration));
    }

    /** The fingerprint of a configuration document as an agent received or runs it (any JSON object). */
    public static String ofDocument(JsonNode document) {
        return PREFIX + sha256Hex(JsonCanonicalizer.canonicalize(document));
    }

    /** The RFC 8785 form of a configuration: the exact bytes (as UTF-8) that are hashed. */
    public static String canonicalForm(AgentConfiguration configuration) {
        return JsonCanonicalizer.canonicalize(document(configuration));
    }

    /** The configuration document with the member names of docs/agent-protocol.md. */
    public static ObjectNode document(AgentConfiguration configuration) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        ObjectNode document = factory.objectNode();
        document.put("heartbeatIntervalSeconds", configuration.heartbeatIntervalSeconds());
        document.put("communicationsDirection", configuration.communicationsDirection());
        if (configuration.clockChangeThresholdSeconds() == null) {
            document.putNull("clockChangeThresholdSeconds");
        } else {
            document.put("clockChangeThresholdSeconds", configuration.clockChangeThresholdSeconds().longValue());
        }
        ArrayNode sources = document.putArray("listeningPortAllowedSources");
        if (configuration.listeningPortAllowedSources() != null) {
            configuration.listeningPortAllowedSources().forEach(sources::add);
        }
        return document;
    }

    static String sha256Hex(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
