package io.vigil.registry.status;

/**
 * The status engine's view of one computer, kept in memory by the instance that owns the computer's partition and
 * written to {@code computer_state} in batches. Plain mutable Java: every change goes through an {@code on*} method
 * that says whether anything changed. Times are epoch milliseconds.
 */
public final class ComputerRuntime {

    final long computerID;
    final int partition;
    String hostName;
    String registration;
    String vmState;
    Long lastHeartbeatMs;
    String lastIp;
    String driverStatus;
    String agentVersion;
    String counters;
    String tlsProtocol;
    String tlsCipherSuite;
    String reportedFingerprint;
    String expectedFingerprint;
    boolean offline;
    int missedHeartbeats;
    Long livenessLastHeartbeatMs;
    String contactReason;
    Long contactAtMs;
    String lastOperation;
    String status;
    Long statusSinceMs;
    /** The registered listening port (from the registration, or the one being adopted); not in the snapshot. */
    int listeningPort = ListeningPortRule.NONE;

    public ComputerRuntime(long computerID, int partition) {
        this.computerID = computerID;
        this.partition = partition;
    }

    public long computerID() {
        return computerID;
    }

    public int partition() {
        return partition;
    }

    /** The stored form, in {@code computer_state} column order: an immutable copy for a background write. */
    public Object[] snapshot() {
        return new Object[]{computerID, partition, hostName, registration, vmState, lastHeartbeatMs, lastIp,
            driverStatus, agentVersion, counters, tlsProtocol, tlsCipherSuite, reportedFingerprint,
            expectedFingerprint, offline, missedHeartbeats, livenessLastHeartbeatMs, contactReason, contactAtMs,
            lastOperation, status, statusSinceMs};
    }

    /** The status derived from what is known now; null while the computer's registration has not been seen. */
    public StatusRules.Status derivedStatus() {
        if (registration == null) {
            return null;
        }
        return StatusRules.derive(new StatusRules.Inputs("deactivated".equals(registration),
                "stopped".equals(vmState), offline, lastHeartbeatMs != null, reportedFingerprint,
                expectedFingerprint));
    }

    /** The reason shown while offline: the latest failed contact since the last heartbeat. */
    public String offlineReason() {
        return StatusRules.OFFLINE.equals(status) ? contactReason : null;
    }

    public String status() {
        return status;
    }

    public Long statusSinceMs() {
        return statusSinceMs;
    }

    public String hostName() {
        return hostName;
    }

    public int missedHeartbeats() {
        return missedHeartbeats;
    }

    public Long lastHeartbeatMs() {
        return lastHeartbeatMs;
    }

    public boolean offline() {
        return offline;
    }

    public String reportedFingerprint() {
        return reportedFingerprint;
    }

    public String expectedFingerprint() {
        return expectedFingerprint;
    }

    public int listeningPort() {
        return listeningPort;
    }
}
