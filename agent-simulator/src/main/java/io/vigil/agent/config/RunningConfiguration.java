package io.vigil.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.sources.AllowedSources;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration the agent runs, and its fingerprint computed over it (never copied from the manager).
 * {@link #parse} checks a received document completely before anything of it is used, so a bad document is refused
 * as a whole and the agent keeps running its previous configuration.
 */
public record RunningConfiguration(AgentConfiguration configuration, String fingerprint, AllowedSources allowedSources) {

    /** Longest heartbeat interval of the contract (24 hours). */
    public static final long MAX_SECONDS = 86_400;
    /** Shortest clock-change threshold of the contract. */
    public static final long MIN_CLOCK_THRESHOLD_SECONDS = 10;

    /** The Base Policy defaults of the contract, which an agent runs until the manager says otherwise. */
    public static RunningConfiguration defaults() {
        return of(new AgentConfiguration(600, Directions.BIDIRECTIONAL, null, List.of("any")));
    }

    public static RunningConfiguration of(AgentConfiguration configuration) {
        return new RunningConfiguration(configuration, ConfigFingerprint.of(configuration),
                AllowedSources.parse(configuration.listeningPortAllowedSources()));
    }

    /** Reads a configuration document; throws {@link InvalidConfigurationException} saying what is wrong. */
    public static RunningConfiguration parse(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new InvalidConfigurationException("configuration must be a JSON object");
        }
        long interval = integer(document, "heartbeatIntervalSeconds", 1, MAX_SECONDS);
        JsonNode direction = document.get("communicationsDirection");
        if (direction == null || !direction.isTextual() || !Directions.ALL.contains(direction.asText())) {
            throw new InvalidConfigurationException("communicationsDirection must be one of " + Directions.ALL);
        }
        JsonNode threshold = document.get("clockChangeThresholdSeconds");
        Long clockThreshold = threshold == null || threshold.isNull() ? null
                : integer(document, "clockChangeThresholdSeconds", MIN_CLOCK_THRESHOLD_SECONDS, MAX_SECONDS);
        List<String> sources = sources(document.get("listeningPortAllowedSources"));
        AgentConfiguration configuration = new AgentConfiguration(interval, direction.asText(), clockThreshold, sources);
        try {
            return of(configuration);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(e.getMessage());
        }
    }

    public boolean listens() {
        return Directions.listens(configuration.communicationsDirection());
    }

    public boolean sendsHeartbeats() {
        return Directions.sendsHeartbeats(configuration.communicationsDirection());
    }

    private static long integer(JsonNode document, String name, long min, long max) {
        JsonNode value = document.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.asLong() < min || value.asLong() > max) {
            throw new InvalidConfigurationException(name + " must be an integer from " + min + " to " + max);
        }
        return value.asLong();
    }

    private static List<String> sources(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidConfigurationException("listeningPortAllowedSources must be an array of strings");
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.isTextual()) {
                throw new InvalidConfigurationException("listeningPortAllowedSources must be an array of strings");
            }
            sources.add(entry.asText());
        }
        return List.copyOf(sources);
    }

    /** A configuration document the agent cannot run; the message is the reason it reports. */
    public static final class InvalidConfigurationException extends RuntimeException {
        public InvalidConfigurationException(String message) {
            super(message);
        }
    }
}
