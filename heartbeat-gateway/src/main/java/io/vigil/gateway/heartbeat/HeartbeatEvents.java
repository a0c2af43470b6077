package io.vigil.gateway.heartbeat;

import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.gateway.kafka.EventPublisher.Outgoing;
import io.vigil.gateway.operations.PendingOperations;
import io.vigil.gateway.state.ExpectedConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps a validated heartbeat to the events it produces: one {@code HeartbeatReceived}, one {@code AgentEvent} each. */
public final class HeartbeatEvents {

    public static final String SOURCE = "/vigil/heartbeat-gateway";

    private HeartbeatEvents() {
    }

    public static List<Outgoing> of(long computerID, String hostName, Heartbeat heartbeat, Connection connection,
                                    ExpectedConfiguration expected, String certificateSerial, Instant now) {
        String key = CloudEvents.computerKey(computerID);
        List<HeartbeatReceived.OperationResult> results = heartbeat.operationResults().stream()
                .map(r -> new HeartbeatReceived.OperationResult(r.operationID(),
                        PendingOperations.typeOf(r.operationID(), expected, certificateSerial).orElse(null),
                        r.status(), r.reason()))
                .toList();
        HeartbeatReceived received = new HeartbeatReceived(computerID, now, heartbeat.agentTime(),
                heartbeat.agentVersion(), heartbeat.driverStatus(), heartbeat.configFingerprint(),
                heartbeat.counters(), connection.remoteAddress(), connection.tlsProtocol(),
                connection.tlsCipherSuite(), heartbeat.uptimeMillis(), heartbeat.listeningPort(),
                ClockChanges.of(heartbeat.events()), results, connection.viaPoll());
        List<Outgoing> out = new ArrayList<>();
        out.add(new Outgoing(Topics.HEARTBEATS, key,
                CloudEvents.create(SOURCE, EventTypes.HEARTBEAT_RECEIVED, key, received)));
        for (Heartbeat.Event event : heartbeat.events()) {
            AgentEvent data = new AgentEvent(computerID, hostName, event.eventID(), event.time(),
                    event.description(), event.data());
            out.add(new Outgoing(Topics.AGENT_EVENTS, key,
                    CloudEvents.create(SOURCE, EventTypes.AGENT_EVENT, key, data)));
        }
        return out;
    }
}
