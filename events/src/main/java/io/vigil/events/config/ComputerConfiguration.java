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
 */
public record ComputerConfiguration(long computerID, long policyID, Map<String, String> settings,
                                    AgentConfiguration configuration, String configFingerprint,
                                    long heartbeatIntervalSeconds, Integer missedHeartbeatThreshold,
                                    Long clockChangeThresholdSeconds, boolean inactiveVmOfflineAlertEnabled,
                                    Instant changedAt) {
}
