package io.vigil.gateway.heartbeat;

import io.vigil.gateway.operations.Operation;

import java.util.List;

/** The 200 answer to a heartbeat (contract section 2). */
public record HeartbeatAnswer(long heartbeatIntervalSeconds, String communicationsDirection,
                              List<Operation> operations) {
}
