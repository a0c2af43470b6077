package io.vigil.events.agent;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code vigil.agent.event.v1} on {@code vigil.agent-events}: one log entry an agent reported. */
public record AgentEvent(long computerID, String hostName, int eventID, String time, String description,
                         JsonNode data) {
}
