package io.vigil.events.config;

import java.util.List;

/**
 * The configuration document an agent runs (docs/agent-protocol.md). Its fingerprint is SHA-256 over the RFC 8785 form.
 *
 * @param clockChangeThresholdSeconds null for Unlimited
 */
public record AgentConfiguration(long heartbeatIntervalSeconds, String communicationsDirection,
                                 Long clockChangeThresholdSeconds, List<String> listeningPortAllowedSources) {
}
