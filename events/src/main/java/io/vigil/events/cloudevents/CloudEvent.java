package io.vigil.events.cloudevents;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as carried on every Vigil topic.
 *
 * @param id              unique per event; a republished event keeps its id
 * @param source          URI reference of the producing service, e.g. {@code /vigil/heartbeat-gateway}
 * @param type            versioned event type, e.g. {@code vigil.heartbeat.received.v1}
 * @param specversion     always {@code 1.0}
 * @param time            when the event happened (RFC 3339 UTC, milliseconds)
 * @param subject         the computer ID where there is one
 * @param dataschema      public types: the {@code $id} of the data's JSON Schema
 *                        ({@link io.vigil.events.PublicEvents#dataschema}); null (absent) for internal types
 * @param datacontenttype always {@code application/json}
 * @param data            the payload
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String id, String source, String type, String specversion, Instant time, String subject,
                            String dataschema, String datacontenttype, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** The same event with other data: for mapping between representations, keeping id and time. */
    public <U> CloudEvent<U> withData(U newData) {
        return new CloudEvent<>(id, source, type, specversion, time, subject, dataschema, datacontenttype, newData);
    }
}
