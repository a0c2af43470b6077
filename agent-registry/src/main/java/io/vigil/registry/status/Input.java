package io.vigil.registry.status;

import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;

/** One decoded record of a topic the status engine reads; {@code computerID} is the record key. */
public sealed interface Input {

    long computerID();

    /** A heartbeat; {@code receivedMs} is the record's broker append time (the one "received" clock). */
    record Heartbeat(long computerID, long receivedMs, HeartbeatReceived data) implements Input {
    }

    record Liveness(long computerID, LivenessChanged data) implements Input {
    }

    record Contact(long computerID, ContactFailed data) implements Input {
    }

    /** The computer's configuration; {@code data} is null for a tombstone. */
    record Config(long computerID, ComputerConfiguration data) implements Input {
    }

    record Registration(long computerID, ComputerRegistration data) implements Input {
    }
}
