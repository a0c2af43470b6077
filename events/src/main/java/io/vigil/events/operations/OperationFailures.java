package io.vigil.events.operations;

import java.time.Instant;
import java.util.List;

/**
 * Internal compacted topic {@code vigil.internal.operation-failures}, keyed by computer: the pending operations that
 * the computer's agent reported as {@code failed} and that must not be sent to it again until the work changes
 * (heartbeat-gateway). Each record is the computer's whole failure memory and replaces the previous one; a tombstone
 * (null value) means no failed operation. Every gateway replica reads the topic in full, so a failure reported to one
 * replica blocks the operation on all of them.
 *
 * @param failed at most one entry per operation type (the latest failure of that type)
 */
public record OperationFailures(long computerID, List<Failed> failed) {

    public OperationFailures {
        failed = failed == null ? List.of() : List.copyOf(failed);
    }

    /**
     * One failed operation.
     *
     * @param operationID the operation ID of the heartbeat answer (derived from the work, the same on every replica)
     * @param type        {@code UpdateConfiguration} or {@code RenewCertificate}
     * @param reason      the agent's reason, may be null
     * @param at          when a gateway recorded the failure
     */
    public record Failed(long operationID, String type, String reason, Instant at) {
    }
}
