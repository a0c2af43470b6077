package io.vigil.events.status;

import java.time.Instant;

/** {@code vigil.computer.status.changed.v1} on {@code vigil.computer-status}: transitions only. */
public record ComputerStatusChanged(long computerID, String hostName, String agentStatus, String previousStatus,
                                    int missedHeartbeats, String offlineReason, Instant since) {
}
