package io.vigil.agent.heartbeat;

import java.util.Map;

/**
 * One entry of the agent's log, sent in the {@code events} of a heartbeat.
 *
 * @param time the agent's time when it happened (RFC 3339)
 * @param data event-specific members, or null
 */
public record AgentLogEvent(int eventID, String time, String description, Map<String, Object> data) {

    public AgentLogEvent {
        data = data == null ? null : Map.copyOf(data);
    }
}
