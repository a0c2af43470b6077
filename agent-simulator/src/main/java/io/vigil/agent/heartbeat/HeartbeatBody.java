package io.vigil.agent.heartbeat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.agent.Json;
import io.vigil.agent.clock.Rfc3339;
import io.vigil.agent.operations.OperationResult;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the body of a heartbeat (docs/agent-protocol.md, "Heartbeat"), never over {@link #MAX_BYTES}: the fixed
 * members first, then as many waiting log entries as fit; {@code counters.eventsDropped} always says how many entries
 * were dropped.
 */
public final class HeartbeatBody {

    /** The largest body the manager accepts (1 MiB). */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String EVENTS_DROPPED = "eventsDropped";
    private static final byte[] EVENTS_OPEN = ",\"events\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENTS_CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    private HeartbeatBody() {
    }

    /**
     * What the agent reports besides its log entries.
     *
     * @param counters cumulative counters other than {@code eventsDropped}
     * @param listeningPort null when the agent does not listen
     */
    public record Content(String agentVersion, Instant agentTime, long uptimeMillis, String driverStatus,
                          String configFingerprint, Map<String, Long> counters, List<OperationResult> operationResults,
                          Integer listeningPort) {
    }

    /** A built body and the log entries in it (to restore if the heartbeat is not accepted). */
    public record Built(byte[] json, EventLog.Batch events) {
    }

    public static Built build(Content content, EventLog log) {
        return build(content, log, MAX_BYTES);
    }

    public static Built build(Content content, EventLog log, int maxBytes) {
        byte[] base = Json.bytes(fixedMembers(content, log.dropped()));
        long budget = (long) maxBytes - base.length - EVENTS_OPEN.length - EVENTS_CLOSE.length + 1;
        EventLog.Batch batch = budget > 0 ? log.take(budget) : new EventLog.Batch(List.of());
        if (batch.size() == 0) {
            return new Built(base, batch);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(base.length + (int) Math.min(budget, maxBytes));
        out.write(base, 0, base.length - 1);
        out.writeBytes(EVENTS_OPEN);
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(batch.events().get(i));
        }
        out.writeBytes(EVENTS_CLOSE);
        return new Built(out.toByteArray(), batch);
    }

    private static ObjectNode fixedMembers(Content content, long dropped) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("agentVersion", content.agentVersion());
        body.put("agentTime", Rfc3339.format(content.agentTime()));
        body.put("uptimeMillis", content.uptimeMillis());
        body.put("driverStatus", content.driverStatus());
        body.put("configFingerprint", content.configFingerprint());
        Map<String, Long> counters = new LinkedHashMap<>(content.counters());
        counters.put(EVENTS_DROPPED, dropped);
        ObjectNode counterNode = body.putObject("counters");
        counters.forEach(counterNode::put);
        if (!content.operationResults().isEmpty()) {
            body.set("operationResults", Json.mapper().valueToTree(content.operationResults()));
        }
        if (content.listeningPort() != null) {
            body.put("listeningPort", content.listeningPort());
        }
        return body;
    }
}
