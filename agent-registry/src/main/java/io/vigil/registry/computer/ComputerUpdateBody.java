package io.vigil.registry.computer;

import io.vigil.console.rest.AnyMember;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/** The body of {@code POST /api/computers/{computerID}}: each member optional, at least one given. */
@AnyMember(message = "must give at least one of policyID, agentAddress, listeningPort, vmState")
@Schema(name = "ComputerUpdate", description = "The members of a computer to change; at least one.",
        example = "{\"policyID\": 7, \"vmState\": \"stopped\"}")
public record ComputerUpdateBody(
        @Positive(message = "must be a policy ID (a positive whole number)")
        @Schema(description = "The policy the computer gets.", minimum = "1")
        Long policyID,
        @Size(min = 1, max = 253, message = "must be 1 to 253 characters") @AgentAddress
        @Schema(description = "An IP address or DNS name the manager reaches the agent at.", maxLength = 253,
                example = "10.1.2.3")
        String agentAddress,
        @Range(min = 1, max = 65535, message = "must be a port from 1 to 65535")
        @Schema(description = "The agent's listening port.", minimum = "1", maximum = "65535", example = "4118")
        Integer listeningPort,
        @Schema(description = "running or stopped, as a cloud connector reports it.")
        VmState vmState) {

    /** The update the validated body asks for. */
    public ComputerUpdate toUpdate() {
        return new ComputerUpdate(policyID, agentAddress == null ? null : agentAddress.strip(), listeningPort,
                vmState == null ? null : vmState.toString());
    }
}
