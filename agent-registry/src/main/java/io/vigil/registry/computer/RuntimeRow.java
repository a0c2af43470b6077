package io.vigil.registry.computer;

/** What the status engine last wrote about a computer ({@code computer_state}); all null before it knew anything. */
public record RuntimeRow(Long lastHeartbeatMs, String lastIp, String driverStatus, String agentVersion,
                         String counters, String tlsProtocol, String tlsCipherSuite, String reportedFingerprint,
                         String expectedFingerprint, boolean offline, int missedHeartbeats, String contactReason,
                         String lastOperation) {

    public static final RuntimeRow NONE = new RuntimeRow(null, null, null, null, null, null, null, null, null,
            false, 0, null, null);
}
