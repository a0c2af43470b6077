package io.vigil.gateway.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.events.config.AgentConfiguration;

/** One piece of pending work in a heartbeat answer (docs/agent-protocol.md, "Heartbeat"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Operation(long operationID, String type, String configFingerprint, AgentConfiguration configuration) {

    public static final String UPDATE_CONFIGURATION = "UpdateConfiguration";
    public static final String RENEW_CERTIFICATE = "RenewCertificate";
}
