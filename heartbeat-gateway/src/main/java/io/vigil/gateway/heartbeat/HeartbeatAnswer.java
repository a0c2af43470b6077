package io.vigil.gateway.heartbeat;

import io.vigil.gateway.operations.Operation;

import java.util.List;

/** The 200 answer to a heartbeat (docs/agent-protocol.md, "Heartbeat"). */
public record HeartbeatAnswer(long heartbeatIntervalSeconds, String communicationsDirection,
                              List<Operation> operations) {
}
