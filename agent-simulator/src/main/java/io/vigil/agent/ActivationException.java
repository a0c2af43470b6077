package io.vigil.agent;

/** Activation failed for good: the message says why (the manager's problem detail, or the trust failure). */
public final class ActivationException extends RuntimeException {

    public ActivationException(String message) {
        super(message);
    }
}
