package io.vigil.siem.forward;

import io.vigil.siem.receiver.ReceiverSpec;
import io.vigil.siem.receiver.SyslogSender;

/** A configured receiver with its sender and whether its last delivery succeeded. */
public final class Receiver {

    private final ReceiverSpec spec;
    private final SyslogSender sender;
    private volatile boolean up = true;

    public Receiver(ReceiverSpec spec, SyslogSender sender) {
        this.spec = spec;
        this.sender = sender;
    }

    public ReceiverSpec spec() {
        return spec;
    }

    SyslogSender sender() {
        return sender;
    }

    /** False from a failed delivery until the next successful one. */
    public boolean up() {
        return up;
    }

    /** Records the outcome; returns true when this changes the state (for logging transitions only). */
    boolean markUp(boolean nowUp) {
        boolean changed = up != nowUp;
        up = nowUp;
        return changed;
    }
}
