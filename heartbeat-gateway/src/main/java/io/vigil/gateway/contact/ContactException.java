package io.vigil.gateway.contact;

/** A failed call to an agent, with its classified reason and a detail for the console and the logs. */
public final class ContactException extends Exception {

    private final FailureReason reason;

    public ContactException(FailureReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public ContactException(FailureReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public FailureReason reason() {
        return reason;
    }
}
