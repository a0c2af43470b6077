package io.vigil.registry.computer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.EventJson;
import io.vigil.registry.status.StatusRules;

import java.util.List;

/**
 * A computer as {@code GET /api/computers/{id}} shows it (docs/console-api.md). Times in epoch milliseconds.
 * {@code agentFingerPrint} repeats the configuration fingerprint the agent reported; {@code counters} is additive.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ComputerView(@JsonProperty("ID") long id, String hostName, String platform, String agentVersion,
                           String agentRelease, String computerType, long policyID, Long lastAgentCommunication,
                           String lastIPUsed, String agentAddress, int listeningPort, ComputerStatus computerStatus,
                           String agentFingerPrint, Long certificateExpiresAt, int missedHeartbeats,
                           String driverStatus, String vmState, String offlineReason, Configuration configuration,
                           Tls tls, JsonNode counters) {

    public record ComputerStatus(String agentStatus, List<String> agentStatusMessages) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Configuration(String reported, String expected, Boolean upToDate, JsonNode lastOperation) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Tls(String protocol, String cipherSuite) {
    }

    public static ComputerView of(ComputerRepository.Joined joined) {
        ComputerRow c = joined.computer();
        RuntimeRow r = joined.runtime();
        StatusRules.Status status = StatusRules.derive(new StatusRules.Inputs(c.deactivated(),
                ComputerRow.STOPPED.equals(c.vmState()), r.offline(), r.lastHeartbeatMs() != null,
                r.reportedFingerprint(), r.expectedFingerprint()));
        boolean offline = StatusRules.OFFLINE.equals(status.agentStatus());
        return new ComputerView(c.id(), c.hostName(), c.platform(),
                r.agentVersion() != null ? r.agentVersion() : c.agentVersion(), c.agentRelease(), c.computerType(),
                c.policyID(), r.lastHeartbeatMs(), r.lastIp(), c.agentAddress(), c.listeningPort(),
                new ComputerStatus(status.agentStatus(), status.messages()), r.reportedFingerprint(),
                c.certificateExpiresAtMs(), r.missedHeartbeats(), r.driverStatus(), c.vmState(),
                offline ? r.contactReason() : null,
                new Configuration(r.reportedFingerprint(), r.expectedFingerprint(),
                        StatusRules.upToDate(r.reportedFingerprint(), r.expectedFingerprint()),
                        json(r.lastOperation())),
                new Tls(r.tlsProtocol(), r.tlsCipherSuite()), json(r.counters()));
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
