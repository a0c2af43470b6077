package io.vigil.gateway.activation;

import io.vigil.events.config.AgentConfiguration;

/** The 201 answer to an activation (docs/agent-protocol.md, "Activation"). */
public record ActivationResponse(long computerID, String certificate, long heartbeatIntervalSeconds,
                                 String communicationsDirection, String configFingerprint,
                                 AgentConfiguration configuration) {
}
