package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.heartbeat.EventLog;
import io.vigil.agent.heartbeat.HeartbeatBody;
import io.vigil.agent.operations.OperationResult;

import java.util.List;
import java.util.Map;

/** One heartbeat body on its way, with the log entries and results it carries until it is delivered or not. */
record Outgoing(byte[] json, EventLog.Batch events, List<OperationResult> results) {

    static Outgoing build(ReferenceAgent agent) {
        List<OperationResult> results = agent.status().pendingResults();
        var content = new HeartbeatBody.Content(agent.settings().agentVersion(), agent.clock().now(),
                agent.clock().uptimeMillis(), agent.driverStatus(), agent.configFingerprint(), Map.of(), results,
                agent.settings().listen() ? agent.listeningPort() : null);
        HeartbeatBody.Built built = HeartbeatBody.build(content, agent.events());
        return new Outgoing(built.json(), built.events(), results);
    }

    void accepted(ReferenceAgent agent, JsonNode response) {
        agent.status().accepted(results, response);
    }

    void answered(ReferenceAgent agent) {
        agent.status().answeredRequest(results);
    }

    /** Not delivered: its log entries go back to the front of the log; its results stay pending. */
    void rejected(ReferenceAgent agent) {
        agent.events().restore(events);
    }
}
