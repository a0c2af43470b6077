package io.vigil.registry.computer;

/**
 * A computer's identity and placement as stored in {@code computer}. Times in epoch milliseconds.
 *
 * @param state {@code activated} or {@code deactivated}
 */
public record ComputerRow(long id, String hostName, String platform, String agentVersion, String agentRelease,
                          String computerType, long policyID, String agentAddress, int listeningPort, String vmState,
                          String state, String certificateSerial, Long certificateExpiresAtMs, long activatedAtMs,
                          long changedAtMs) {

    public static final String ACTIVATED = "activated";
    public static final String DEACTIVATED = "deactivated";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    public boolean deactivated() {
        return DEACTIVATED.equals(state);
    }

    public ComputerRow withPlacement(long newPolicyID, String newAgentAddress, int newListeningPort,
                                     String newVmState, long nowMs) {
        return new ComputerRow(id, hostName, platform, agentVersion, agentRelease, computerType, newPolicyID,
                newAgentAddress, newListeningPort, newVmState, state, certificateSerial, certificateExpiresAtMs,
                activatedAtMs, nowMs);
    }

    public ComputerRow withCertificate(String serial, long expiresAtMs, long nowMs) {
        return new ComputerRow(id, hostName, platform, agentVersion, agentRelease, computerType, policyID,
                agentAddress, listeningPort, vmState, state, serial, expiresAtMs, activatedAtMs, nowMs);
    }

    public ComputerRow deactivate(long nowMs) {
        return new ComputerRow(id, hostName, platform, agentVersion, agentRelease, computerType, policyID,
                agentAddress, listeningPort, vmState, DEACTIVATED, certificateSerial, certificateExpiresAtMs,
                activatedAtMs, nowMs);
    }
}
