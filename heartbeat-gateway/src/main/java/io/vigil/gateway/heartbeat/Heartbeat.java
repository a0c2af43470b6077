package io.vigil.gateway.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** A validated heartbeat body (docs/agent-protocol.md, "Heartbeat"). */
public record Heartbeat(String agentVersion, String agentTime, Long uptimeMillis, String driverStatus,
                        String configFingerprint, Map<String, Long> counters, List<Event> events,
                        List<Result> operationResults, Integer listeningPort) {

    /** One agent log entry. */
    public record Event(int eventID, String time, String description, JsonNode data) {
    }

    /** The outcome of an operation: {@code applied}, or {@code failed} with a reason. */
    public record Result(long operationID, String status, String reason) {
        public boolean failed() {
            return "failed".equals(status);
        }
    }
}
