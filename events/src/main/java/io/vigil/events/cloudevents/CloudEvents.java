package io.vigil.events.cloudevents;

import io.vigil.events.PublicEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds {@link CloudEvent}s with fresh ids and millisecond-precision times: the only way services make events, so
 * that every public event carries the {@code dataschema} of its type.
 */
public final class CloudEvents {

    private CloudEvents() {
    }

    public static <T> CloudEvent<T> create(String source, String type, String subject, T data) {
        return create(source, type, subject, data, Clock.systemUTC());
    }

    public static <T> CloudEvent<T> create(String source, String type, String subject, T data, Clock clock) {
        return create(UUID.randomUUID().toString(), source, type, subject, data, clock.instant());
    }

    public static <T> CloudEvent<T> create(String id, String source, String type, String subject, T data, Instant time) {
        return new CloudEvent<>(id, source, type, CloudEvent.SPEC_VERSION, time.truncatedTo(ChronoUnit.MILLIS),
                subject, PublicEvents.dataschema(type), CloudEvent.JSON, data);
    }

    /** The Kafka key and CloudEvents subject for a computer: its ID as a decimal string. */
    public static String computerKey(long computerID) {
        return Long.toString(computerID);
    }
}
