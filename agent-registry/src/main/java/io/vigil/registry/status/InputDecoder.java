package io.vigil.registry.status;

import io.vigil.events.EventJson;
import io.vigil.events.EventJson.MalformedEventException;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;

import java.util.List;

/** Turns a record of one of the engine's topics into an {@link Input}; poison records throw. */
public final class InputDecoder {

    /** The topics the engine reads: all keyed by computer ID and co-partitioned. */
    public static final List<String> TOPICS = List.of(Topics.COMPUTERS, Topics.COMPUTER_CONFIG, Topics.HEARTBEATS,
            Topics.LIVENESS, Topics.CONTACT_FAILURES);

    private InputDecoder() {
    }

    /**
     * @return the input, or null for a record that carries nothing for the engine (a tombstone where none is meant)
     * @throws MalformedEventException for a record that cannot be read
     */
    public static Input decode(String topic, String key, byte[] value, long timestampMs) {
        long id = computerID(key);
        if (value == null) {
            return Topics.COMPUTER_CONFIG.equals(topic) ? new Input.Config(id, null) : null;
        }
        return switch (topic) {
            case Topics.HEARTBEATS -> new Input.Heartbeat(id, timestampMs, data(value, HeartbeatReceived.class));
            case Topics.LIVENESS -> new Input.Liveness(id, data(value, LivenessChanged.class));
            case Topics.CONTACT_FAILURES -> new Input.Contact(id, data(value, ContactFailed.class));
            case Topics.COMPUTER_CONFIG -> new Input.Config(id, data(value, ComputerConfiguration.class));
            case Topics.COMPUTERS -> new Input.Registration(id, data(value, ComputerRegistration.class));
            default -> throw new MalformedEventException("topic " + topic + " is not read by the status engine");
        };
    }

    static long computerID(String key) {
        if (key == null || !key.matches("[0-9]{1,18}")) {
            throw new MalformedEventException("record key must be a computer ID (decimal), got " + key);
        }
        return Long.parseLong(key);
    }

    private static <T> T data(byte[] value, Class<T> type) {
        CloudEvent<T> event = EventJson.readEvent(value, type);
        if (event.data() == null) {
            throw new MalformedEventException("event " + event.id() + " has no data");
        }
        return event.data();
    }
}
