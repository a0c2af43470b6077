package io.vigil.gateway.guard;

import io.vigil.console.ProblemException;
import io.vigil.gateway.heartbeat.Heartbeat;

/** The number of log entries one heartbeat may carry ({@code vigil.gateway.guard.max-events}). */
public final class EventCap {

    private EventCap() {
    }

    /** 400 naming {@code events} when the heartbeat carries more than {@code max} log entries. */
    public static void check(Heartbeat heartbeat, int max) {
        if (heartbeat.events().size() > max) {
            throw ProblemException.invalid("events", "at most " + max + " log entries per heartbeat; send older "
                    + "entries in a later heartbeat and count the dropped ones in counters.eventsDropped",
                    Integer.toString(heartbeat.events().size()), "0 to " + max + " entries");
        }
    }
}
