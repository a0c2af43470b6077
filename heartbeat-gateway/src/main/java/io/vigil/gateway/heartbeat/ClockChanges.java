package io.vigil.gateway.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.gateway.AgentValues;
import io.vigil.gateway.Fields;

import java.util.List;

/**
 * Windows event 5004 ("Clock changed"): its data carries {@code changeSeconds} (at most the span of accepted agent
 * times either way) and optionally {@code previousTime}.
 */
public final class ClockChanges {

    public static final int EVENT_ID = 5004;

    private ClockChanges() {
    }

    static void validate(JsonNode data, String path, Fields fields) {
        if (data == null || !data.isObject()) {
            fields.invalid(path + ".changeSeconds", "is required for event 5004");
            return;
        }
        fields.integer(data, "changeSeconds", path + ".changeSeconds", true, -AgentValues.MAX_SHIFT_SECONDS,
                AgentValues.MAX_SHIFT_SECONDS);
        fields.timestamp(data, "previousTime", path + ".previousTime", false);
    }

    public static List<HeartbeatReceived.ClockChange> of(List<Heartbeat.Event> events) {
        return events.stream().filter(e -> e.eventID() == EVENT_ID && e.data() != null)
                .map(e -> new HeartbeatReceived.ClockChange(e.time(), e.data().path("changeSeconds").asLong(),
                        e.data().hasNonNull("previousTime") ? e.data().get("previousTime").asText() : null))
                .toList();
    }
}
