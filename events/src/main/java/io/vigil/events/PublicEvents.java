package io.vigil.events;

import java.util.List;
import java.util.Optional;

/**
 * The public contract on Kafka (docs/events.md, docs/asyncapi.yaml): the topics other programs may read, the CloudEvents
 * types each carries, and the JSON Schema of each type's {@code data}. Everything else ({@code vigil.internal.*},
 * {@code vigil.dead-letter}) is internal.
 */
public final class PublicEvents {

    /**
     * The prefix of every {@code dataschema} URI. A schema's {@code dataschema} is its {@code $id}: an identifier of
     * the schema version, not a place to fetch it from (the files are in docs/schemas and in this jar under schemas/).
     */
    public static final String SCHEMA_ID_BASE = "https://schemas.vigil.io/events/";
    /** The schema of the CloudEvents envelope that every public record's value follows. */
    public static final String ENVELOPE_SCHEMA = "cloudevent.schema.json";

    /**
     * One public event type.
     *
     * @param type       the CloudEvents {@code type}, e.g. {@code vigil.alert.raised.v1}
     * @param topic      the topic that carries it
     * @param schemaFile the JSON Schema of its {@code data} (docs/schemas, and {@code schemas/} in this jar)
     */
    public record PublicType(String type, String topic, String schemaFile) {

        /** The CloudEvents {@code dataschema} of this type: the {@code $id} of its data schema. */
        public String dataschema() {
            return SCHEMA_ID_BASE + schemaFile;
        }
    }

    public static final List<PublicType> TYPES = List.of(
            new PublicType(EventTypes.HEARTBEAT_RECEIVED, Topics.HEARTBEATS, "heartbeat.received.v1.schema.json"),
            new PublicType(EventTypes.AGENT_EVENT, Topics.AGENT_EVENTS, "agent.event.v1.schema.json"),
            new PublicType(EventTypes.COMPUTER_STATUS_CHANGED, Topics.COMPUTER_STATUS,
                    "computer.status.changed.v1.schema.json"),
            new PublicType(EventTypes.ALERT_RAISED, Topics.ALERTS, "alert.v1.schema.json"),
            new PublicType(EventTypes.ALERT_UPDATED, Topics.ALERTS, "alert.v1.schema.json"),
            new PublicType(EventTypes.ALERT_CLEARED, Topics.ALERTS, "alert.v1.schema.json"),
            new PublicType(EventTypes.ALERT_DISMISSED, Topics.ALERTS, "alert.v1.schema.json"),
            new PublicType(EventTypes.AUDIT, Topics.AUDIT, "audit.v1.schema.json"));

    /** The public topics, in the order of {@link #TYPES}. */
    public static final List<String> TOPICS = TYPES.stream().map(PublicType::topic).distinct().toList();

    private PublicEvents() {
    }

    public static boolean isPublicTopic(String topic) {
        return TOPICS.contains(topic);
    }

    public static Optional<PublicType> of(String type) {
        return TYPES.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /** The {@code dataschema} of a public type; null for an internal one (internal events carry none). */
    public static String dataschema(String type) {
        return of(type).map(PublicType::dataschema).orElse(null);
    }

    /** The types a public topic carries (empty for an internal topic). */
    public static List<PublicType> typesOf(String topic) {
        return TYPES.stream().filter(t -> t.topic().equals(topic)).toList();
    }
}
