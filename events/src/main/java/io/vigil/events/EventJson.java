package io.vigil.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigil.events.cloudevents.CloudEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON form of events on Kafka: RFC 3339 times, unknown members ignored (additive evolution). */
public final class EventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(Object value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    /** Reads a CloudEvent whose data is of the given type. Throws {@link MalformedEventException} on bad input. */
    public static <T> CloudEvent<T> readEvent(byte[] json, Class<T> dataType) {
        JavaType type = MAPPER.getTypeFactory().constructParametricType(CloudEvent.class, dataType);
        try {
            CloudEvent<T> event = MAPPER.readValue(json, type);
            if (event == null || event.id() == null || event.type() == null) {
                throw new MalformedEventException("not a CloudEvent: id and type are required");
            }
            return event;
        } catch (IOException e) {
            throw new MalformedEventException("unreadable event: " + e.getMessage(), e);
        }
    }

    public static <T> CloudEvent<T> readEvent(String json, Class<T> dataType) {
        return readEvent(json.getBytes(StandardCharsets.UTF_8), dataType);
    }

    public static <T> T read(byte[] json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new MalformedEventException("unreadable JSON: " + e.getMessage(), e);
        }
    }

    /** A record on a topic that cannot be read: goes to the dead-letter topic with this message as its reason. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
