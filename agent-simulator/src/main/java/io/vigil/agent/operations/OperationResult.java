package io.vigil.agent.operations;

/**
 * The outcome of an operation, reported in a heartbeat's {@code operationResults}.
 *
 * @param status {@code applied} or {@code failed}
 * @param reason why it failed; null when applied
 */
public record OperationResult(long operationID, String status, String reason) {

    public static final String APPLIED = "applied";
    public static final String FAILED = "failed";

    public static OperationResult applied(long operationID) {
        return new OperationResult(operationID, APPLIED, null);
    }

    public static OperationResult failed(long operationID, String reason) {
        return new OperationResult(operationID, FAILED, reason);
    }

    public boolean isApplied() {
        return APPLIED.equals(status);
    }
}
