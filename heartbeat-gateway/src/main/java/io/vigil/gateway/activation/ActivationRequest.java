package io.vigil.gateway.activation;

/** A validated activation body (docs/agent-protocol.md, "Activation"), with defaults applied. */
public record ActivationRequest(String token, String hostName, String platform, String agentVersion,
                                String agentRelease, String computerType, int listeningPort, String agentAddress,
                                String csr) {
}
