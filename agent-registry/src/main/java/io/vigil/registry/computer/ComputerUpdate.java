package io.vigil.registry.computer;

/** A change of a computer's placement ({@link ComputerUpdateBody}); null members stay as they are. */
public record ComputerUpdate(Long policyID, String agentAddress, Integer listeningPort, String vmState) {

    public ComputerRow applyTo(ComputerRow row, long nowMs) {
        return row.withPlacement(policyID != null ? policyID : row.policyID(),
                agentAddress != null ? agentAddress : row.agentAddress(),
                listeningPort != null ? listeningPort : row.listeningPort(),
                vmState != null ? vmState : row.vmState(), nowMs);
    }
}
