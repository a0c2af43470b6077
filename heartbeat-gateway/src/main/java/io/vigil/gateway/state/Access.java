package io.vigil.gateway.state;

/** Whether a certificate may be used for a computer, with the reason when it may not. */
public record Access(boolean allowed, String reason) {

    public static final Access ALLOWED = new Access(true, null);

    public static Access refused(String reason) {
        return new Access(false, reason);
    }
}
