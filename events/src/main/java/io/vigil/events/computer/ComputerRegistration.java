package io.vigil.events.computer;

import java.time.Instant;

/**
 * Internal, compacted topic {@code vigil.internal.computers}, keyed by computer: the registry's view of a computer's
 * identity, placement and certificate. Published on activation, reactivation, every console change, a change of
 * the listening port its agent reports, and deactivation.
 *
 * @param state             {@code activated} or {@code deactivated}
 * @param certificateSerial the serial (hex) of the only certificate currently valid for this computer
 * @param vmState           {@code running} or {@code stopped}
 */
public record ComputerRegistration(long computerID, String hostName, String platform, String agentVersion,
                                   String agentRelease, String computerType, long policyID, String agentAddress,
                                   int listeningPort, String vmState, String state, String certificateSerial,
                                   Instant certificateExpiresAt, Instant changedAt) {

    public static final String ACTIVATED = "activated";
    public static final String DEACTIVATED = "deactivated";

    public boolean deactivated() {
        return DEACTIVATED.equals(state);
    }
}
