package io.vigil.events.cloudevents;

/**
 * The CloudEvents Kafka protocol binding in structured content mode, as every record on a public topic follows it: the
 * value is the event in the JSON event format, and the {@code content-type} header names that format, so that a
 * CloudEvents SDK reads it as a structured event. Set on every record by one serializer ({@code io.vigil.kafka}).
 */
public final class KafkaBinding {

    /** The Kafka header that tells the content mode. */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    /** The JSON event format's media type, with the charset of the value, as the binding's example writes it. */
    public static final String STRUCTURED_JSON = "application/cloudevents+json; charset=UTF-8";

    private KafkaBinding() {
    }
}
