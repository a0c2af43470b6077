package io.vigil.gateway.activation;

/** A validated activation body (contract section 2), with defaults applied. */
public record ActivationRequest(String token, String hostName, String platform, String agentVersion,
                                String agentRelease, String computerType, int listeningPort, String agentAddress,
                                String csr) {
}
