package io.vigil.gateway.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.gateway.AgentValues;
import io.vigil.gateway.Fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates every field of a heartbeat body; unknown members are ignored. Values must be within what they can mean
 * ({@link AgentValues}): agent times from 1970 to 2199, counters, uptime and operation IDs up to 2^53 - 1, event IDs
 * 16-bit, clock shifts within the time range, event data at most 32 levels deep, text without NUL or unpaired
 * surrogates.
 */
public final class HeartbeatValidator {

    static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");
    static final int MAX_EVENTS = 10_000;
    static final int MAX_COUNTERS = 200;

    private HeartbeatValidator() {
    }

    public static Heartbeat validate(JsonNode body) {
        Fields fields = new Fields();
        String agentVersion = fields.string(body, "agentVersion", "agentVersion", true, 64);
        String agentTime = fields.timestamp(body, "agentTime", "agentTime", true);
        Long uptime = fields.integer(body, "uptimeMillis", "uptimeMillis", false, 0, AgentValues.MAX_SAFE_INTEGER);
        String driverStatus = fields.oneOf(body, "driverStatus", "driverStatus", true, Set.of("Online", "Offline"));
        String fingerprint = fields.string(body, "configFingerprint", "configFingerprint", true, 80);
        if (fingerprint != null && !FINGERPRINT.matcher(fingerprint).matches()) {
            fields.invalid("configFingerprint", "must be 'sha256:' and 64 lowercase hex digits");
        }
        Map<String, Long> counters = counters(body.get("counters"), fields);
        List<Heartbeat.Event> events = events(body.get("events"), fields);
        List<Heartbeat.Result> results = results(body.get("operationResults"), fields);
        Long port = fields.integer(body, "listeningPort", "listeningPort", false, 1, 65535);
        fields.throwIfInvalid();
        return new Heartbeat(agentVersion, agentTime, uptime, driverStatus, fingerprint, counters, events, results,
                port == null ? null : port.intValue());
    }

    private static Map<String, Long> counters(JsonNode node, Fields fields) {
        Map<String, Long> counters = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return counters;
        }
        if (!node.isObject()) {
            fields.invalid("counters", "must be an object of counter names to non-negative integers");
            return counters;
        }
        if (node.size() > MAX_COUNTERS) {
            fields.invalid("counters", "must have at most " + MAX_COUNTERS + " members");
            return counters;
        }
        node.properties().forEach(entry -> {
            String path = "counters." + entry.getKey();
            if (entry.getKey().isEmpty() || entry.getKey().length() > 64 || !AgentValues.isText(entry.getKey())) {
                fields.invalid("counters", "counter names have 1 to 64 characters, without NUL or unpaired surrogates");
                return;
            }
            Long value = fields.integer(node, entry.getKey(), path, true, 0, AgentValues.MAX_SAFE_INTEGER);
            if (value != null) {
                counters.put(entry.getKey(), value);
            }
        });
        return counters;
    }

    private static List<Heartbeat.Event> events(JsonNode node, Fields fields) {
        List<Heartbeat.Event> events = new ArrayList<>();
        if (node == null || node.isNull()) {
            return events;
        }
        if (!node.isArray() || node.size() > MAX_EVENTS) {
            fields.invalid("events", "must be an array of at most " + MAX_EVENTS + " log entries");
            return events;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode event = node.get(i);
            String path = "events[" + i + "]";
            if (!event.isObject()) {
                fields.invalid(path, "must be an object");
                continue;
            }
            Long id = fields.integer(event, "eventID", path + ".eventID", true, 0, AgentValues.MAX_EVENT_ID);
            String time = fields.timestamp(event, "time", path + ".time", true);
            String description = fields.string(event, "description", path + ".description", false, 4096);
            JsonNode data = event.get("data");
            String dataProblem = data != null && data.isObject() ? AgentValues.dataProblem(data) : null;
            if (data != null && !data.isNull() && !data.isObject()) {
                fields.invalid(path + ".data", "must be an object");
            } else if (dataProblem != null) {
                fields.invalid(path + ".data", dataProblem);
            }
            if (id != null && id == ClockChanges.EVENT_ID) {
                ClockChanges.validate(data, path + ".data", fields);
            }
            if (id != null && time != null) {
                events.add(new Heartbeat.Event(id.intValue(), time, description,
                        data == null || data.isNull() ? null : data));
            }
        }
        return events;
    }

    private static List<Heartbeat.Result> results(JsonNode node, Fields fields) {
        List<Heartbeat.Result> results = new ArrayList<>();
        if (node == null || node.isNull()) {
            return results;
        }
        if (!node.isArray() || node.size() > 100) {
            fields.invalid("operationResults", "must be an array of at most 100 results");
            return results;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode result = node.get(i);
            String path = "operationResults[" + i + "]";
            if (!result.isObject()) {
                fields.invalid(path, "must be an object");
                continue;
            }
            Long id = fields.integer(result, "operationID", path + ".operationID", true, 0,
                    AgentValues.MAX_SAFE_INTEGER);
            String status = fields.oneOf(result, "status", path + ".status", true, Set.of("applied", "failed"));
            String reason = fields.string(result, "reason", path + ".reason", false, 1024);
            if (id != null && status != null) {
                results.add(new Heartbeat.Result(id, status, reason));
            }
        }
        return results;
    }
}
