package io.vigil.gateway.state;

import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;

import java.util.List;

/**
 * The configuration a computer should run and its fingerprint, and where it came from.
 *
 * @param source {@code computer}, {@code policy} or {@code defaults}
 */
public record ExpectedConfiguration(AgentConfiguration configuration, String fingerprint, String source) {

    public static final String BIDIRECTIONAL = "Bidirectional";
    public static final String MANAGER_INITIATED = "Manager Initiated";
    public static final String AGENT_INITIATED = "Agent/Appliance Initiated";

    /** The Base Policy defaults of the contract, used when no policy-service record exists yet. */
    public static final ExpectedConfiguration DEFAULTS = of(
            new AgentConfiguration(600, BIDIRECTIONAL, null, List.of("any")), "defaults");

    public static ExpectedConfiguration of(AgentConfiguration configuration, String source) {
        return new ExpectedConfiguration(configuration, ConfigFingerprint.of(configuration), source);
    }

    public String direction() {
        return configuration.communicationsDirection();
    }

    public long intervalSeconds() {
        return configuration.heartbeatIntervalSeconds();
    }
}
