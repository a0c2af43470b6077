package io.vigil.registry.activation;

/** The answer to an activation (201). {@code supersededComputerID}: the computer deactivated by {@code new-computer}. */
public record ActivationResult(long computerID, long policyID, boolean reactivated, Long supersededComputerID) {
}
