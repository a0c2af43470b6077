package io.vigil.policy.publish;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.JsonCanonicalizer;
import io.vigil.events.config.PolicyConfiguration;
import io.vigil.policy.resolution.EffectiveSettings;
import io.vigil.policy.tree.PolicyNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What is published for a computer or a policy, and the digest that decides whether it changed since the last
 * acknowledged publication: SHA-256 over the RFC 8785 form of everything in the record except its time. So a change
 * of a manager-only setting republishes the record although the agent's fingerprint stays the same.
 * Not thread-safe: one instance per unit of work (it memoises fingerprints, which most computers share).
 */
public final class Derivation {

    private final Map<AgentConfiguration, String> fingerprints = new HashMap<>();
    private final Map<String, String> digests = new HashMap<>();

    public String fingerprint(AgentConfiguration configuration) {
        return fingerprints.computeIfAbsent(configuration, ConfigFingerprint::of);
    }

    public ComputerConfiguration computer(long computerID, long policyID, EffectiveSettings settings, Instant at) {
        AgentConfiguration configuration = settings.agentConfiguration();
        return new ComputerConfiguration(computerID, policyID, settings.values(), configuration,
                fingerprint(configuration), settings.heartbeatIntervalSeconds(), settings.missedHeartbeatThreshold(),
                settings.clockChangeThresholdSeconds(), settings.inactiveVmOfflineAlertEnabled(), at,
                settings.configurationSources());
    }

    public PolicyConfiguration policy(PolicyNode policy, EffectiveSettings settings, Instant at) {
        AgentConfiguration configuration = settings.agentConfiguration();
        return new PolicyConfiguration(policy.id(), policy.parentID(), policy.name(), settings.values(),
                configuration, fingerprint(configuration), at);
    }

    /**
     * Digest of a computer's published state: its policy, its effective settings and where its configuration's
     * members come from (a value that moves to another level is published again, so its source stays right).
     */
    public String computerDigest(long policyID, EffectiveSettings settings) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("policyID", policyID);
        ObjectNode values = state.putObject("settings");
        settings.values().forEach(values::put);
        ObjectNode sources = state.putObject("sources");
        settings.configurationSources().forEach((member, source) -> sources.put(member,
                source.level() + ":" + (source.policyID() != null ? source.policyID()
                        : source.rule() != null ? source.rule() : "")));
        return digest(JsonCanonicalizer.canonicalize(state));
    }

    /** Digest of a policy's published state: name, parent and effective settings. */
    public String policyDigest(PolicyNode policy, EffectiveSettings settings) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("name", policy.name());
        if (policy.parentID() == null) {
            state.putNull("parentID");
        } else {
            state.put("parentID", policy.parentID());
        }
        ObjectNode values = state.putObject("settings");
        settings.values().forEach(values::put);
        return digest(JsonCanonicalizer.canonicalize(state));
    }

    private String digest(String canonical) {
        return digests.computeIfAbsent(canonical, Derivation::sha256);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
