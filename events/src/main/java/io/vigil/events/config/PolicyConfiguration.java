package io.vigil.events.config;

import java.time.Instant;
import java.util.Map;

/**
 * Internal, compacted topic {@code vigil.internal.policy-config}, keyed by policy ID: a policy's effective settings,
 * so that the gateway can answer an activation for a computer policy-service has not heard of yet.
 * A tombstone removes a deleted policy.
 */
public record PolicyConfiguration(long policyID, Long parentID, String name, Map<String, String> settings,
                                  AgentConfiguration configuration, String configFingerprint, Instant changedAt) {
}
