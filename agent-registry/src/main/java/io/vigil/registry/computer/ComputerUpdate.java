package io.vigil.registry.computer;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.registry.web.Body;

import java.util.List;
import java.util.Set;

/** {@code POST /api/computers/{id}}, validated: each field optional, at least one given. */
public record ComputerUpdate(Long policyID, String agentAddress, Integer listeningPort, String vmState) {

    private static final Set<String> FIELDS = Set.of("policyID", "agentAddress", "listeningPort", "vmState");

    public static ComputerUpdate parse(JsonNode json) {
        Body body = Body.of(json, FIELDS);
        Long policyID = body.longValue("policyID", false, 1, Long.MAX_VALUE);
        String address = Addresses.check(body, "agentAddress", false);
        Integer port = body.intValue("listeningPort", false, 1, 65535);
        String vmState = body.oneOf("vmState", false, List.of(ComputerRow.RUNNING, ComputerRow.STOPPED));
        body.validate();
        if (!FIELDS.stream().anyMatch(body::has)) {
            body.fail("body", "must give at least one of policyID, agentAddress, listeningPort, vmState",
                    null, null);
            body.validate();
        }
        return new ComputerUpdate(policyID, address, port, vmState);
    }

    public ComputerRow applyTo(ComputerRow row, long nowMs) {
        return row.withPlacement(policyID != null ? policyID : row.policyID(),
                agentAddress != null ? agentAddress : row.agentAddress(),
                listeningPort != null ? listeningPort : row.listeningPort(),
                vmState != null ? vmState : row.vmState(), nowMs);
    }
}
