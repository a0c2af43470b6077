package io.vigil.events.heartbeat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code vigil.heartbeat.received.v1} on {@code vigil.heartbeats}: one heartbeat the platform durably received.
 * The authoritative receive time for liveness is the record's broker append time (the topic uses LogAppendTime);
 * {@code receivedAt} is the gateway's clock, for display.
 *
 * @param clockChanges     additive: the Windows clock-change events (5004) carried by this heartbeat
 * @param operationResults additive: results of operations the agent performed
 * @param viaPoll          additive: true when the manager fetched this heartbeat (Manager Initiated)
 */
public record HeartbeatReceived(long computerID, Instant receivedAt, String agentTime, String agentVersion,
                                String driverStatus, String configFingerprint, Map<String, Long> counters,
                                String remoteAddress, String tlsProtocol, String tlsCipherSuite,
                                Long uptimeMillis, Integer listeningPort, List<ClockChange> clockChanges,
                                List<OperationResult> operationResults, boolean viaPoll) {

    /** An agent-reported clock change (event 5004). */
    public record ClockChange(String time, long changeSeconds, String previousTime) {
    }

    /** The outcome of an operation the agent was given. */
    public record OperationResult(long operationID, String type, String status, String reason) {
    }
}
