package io.vigil.webconsole.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.cloudevents.CloudEvent;

import java.util.Map;
import java.util.Optional;

/**
 * One event of the console's stream: the SSE event name ({@code computer-status} or {@code alert}) and its data, the
 * CloudEvent's {@code type}, {@code id} and {@code data} as the public topic carries them. Only the types the page
 * shows pass; anything else on the topics (a later type, a record that is no CloudEvent) is left out.
 */
public record ConsoleEvent(String name, String json) {

    /** The stream's first event, so that a client knows it is connected before anything happens. */
    public static final ConsoleEvent READY = new ConsoleEvent("ready", "{}");
    /** Sent on an idle stream now and then, so that proxies keep it open and a client notices a loss. */
    public static final ConsoleEvent KEEP_ALIVE = new ConsoleEvent("keep-alive", "{}");

    private static final Map<String, String> NAMES = Map.of(
            EventTypes.COMPUTER_STATUS_CHANGED, "computer-status",
            EventTypes.ALERT_RAISED, "alert",
            EventTypes.ALERT_UPDATED, "alert",
            EventTypes.ALERT_CLEARED, "alert",
            EventTypes.ALERT_DISMISSED, "alert");

    /** The console event of a public-topic record, empty when the page has no use for it or it is unreadable. */
    public static Optional<ConsoleEvent> of(byte[] record) {
        if (record == null) {
            return Optional.empty();
        }
        CloudEvent<JsonNode> event;
        try {
            event = EventJson.readEvent(record, JsonNode.class);
        } catch (EventJson.MalformedEventException e) {
            return Optional.empty();
        }
        String name = NAMES.get(event.type());
        if (name == null || event.data() == null || !event.data().isObject()) {
            return Optional.empty();
        }
        ObjectNode out = EventJson.mapper().createObjectNode();
        out.put("type", event.type());
        out.put("id", event.id());
        out.set("data", event.data());
        return Optional.of(new ConsoleEvent(name, out.toString()));
    }
}
