package io.vigil.events.config;

import java.time.Instant;
import java.util.Map;

/**
 * Internal, compacted topic {@code vigil.internal.computer-config}, keyed by computer: everything a computer must run
 * and every effective setting the manager applies to it. A tombstone (null value) removes the computer.
 *
 * @param settings effective, normalised values by setting name (e.g. {@code platformSettingHeartbeatInterval})
 * @param heartbeatIntervalSeconds the interval in force, for convenience
 * @param missedHeartbeatThreshold N, or null for Unlimited
 * @param clockChangeThresholdSeconds null for Unlimited
 * @param configurationSources where each member of {@code configuration} comes from, by member name (e.g.
 *                             {@code heartbeatIntervalSeconds}); empty in records of producers that did not say
 */
public record ComputerConfiguration(long computerID, long policyID, Map<String, String> settings,
                                    AgentConfiguration configuration, String configFingerprint,
                                    long heartbeatIntervalSeconds, Integer missedHeartbeatThreshold,
                                    Long clockChangeThresholdSeconds, boolean inactiveVmOfflineAlertEnabled,
                                    Instant changedAt, Map<String, ConfigurationSource> configurationSources) {

    public ComputerConfiguration {
        configurationSources = configurationSources == null ? Map.of() : Map.copyOf(configurationSources);
    }

    /** A configuration without sources. */
    public ComputerConfiguration(long computerID, long policyID, Map<String, String> settings,
                                 AgentConfiguration configuration, String configFingerprint,
                                 long heartbeatIntervalSeconds, Integer missedHeartbeatThreshold,
                                 Long clockChangeThresholdSeconds, boolean inactiveVmOfflineAlertEnabled,
                                 Instant changedAt) {
        this(computerID, policyID, settings, configuration, configFingerprint, heartbeatIntervalSeconds,
                missedHeartbeatThreshold, clockChangeThresholdSeconds, inactiveVmOfflineAlertEnabled, changedAt,
                Map.of());
    }

    /** The same configuration without its sources (for consumers that keep many in memory and never show them). */
    public ComputerConfiguration withoutSources() {
        return configurationSources.isEmpty() ? this : new ComputerConfiguration(computerID, policyID, settings,
                configuration, configFingerprint, heartbeatIntervalSeconds, missedHeartbeatThreshold,
                clockChangeThresholdSeconds, inactiveVmOfflineAlertEnabled, changedAt);
    }
}
