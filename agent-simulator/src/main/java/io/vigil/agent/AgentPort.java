package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vigil.agent.net.ListeningPort;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opens and closes the agent's listening port as its state and configuration require (open while active, unless
 * Agent/Appliance Initiated), and answers the manager's calls on it. Changes happen one at a time, in order.
 */
final class AgentPort implements ListeningPort.Handler {

    private final ReferenceAgent agent;
    private ListeningPort open;
    private Future<Void> last = Future.succeededFuture();

    AgentPort(ReferenceAgent agent) {
        this.agent = agent;
    }

    boolean isOpen() {
        return open != null;
    }

    /** Brings the port in line with the agent's state; completes when done. Call on the agent's context. */
    Future<Void> reconcile() {
        last = last.transform(ar -> step());
        return last;
    }

    private Future<Void> step() {
        boolean wanted = agent.settings().listen() && agent.isActive() && agent.keyManager() != null
                && agent.configurations().running().listens();
        if (wanted && open == null) {
            int port = agent.listeningPort();
            return listen(port)
                    // a port the agent picked itself before activation may have been taken since (it listens only
                    // once it holds its certificate): it takes another and reports it in its next heartbeat
                    .recover(e -> agent.settings().listeningPort() == 0 ? listen(0) : Future.failedFuture(e))
                    .<Void>map(listening -> {
                        open = listening;
                        agent.listeningPort(listening.port());
                        agent.notice("listening on port " + listening.port()
                                + (listening.port() == port ? "" : " (" + port + " was taken)"));
                        return null;
                    })
                    .otherwise(e -> {
                        agent.problem("cannot listen on port " + port + ": " + e.getMessage());
                        return null;
                    });
        }
        if (!wanted && open != null) {
            ListeningPort closing = open;
            open = null;
            return closing.close().<Void>map(v -> {
                agent.notice("listening port closed");
                return null;
            }).otherwiseEmpty();
        }
        return Future.succeededFuture();
    }

    private Future<ListeningPort> listen(int port) {
        return ListeningPort.start(agent.vertx(), agent.settings().listenHost(), port, agent.keyManager(),
                agent.trust(), agent.tls(), agent.configurations()::allows, this);
    }

    @Override
    public ListeningPort.Reply heartbeatRequest() {
        Outgoing out = Outgoing.build(agent);
        return new ListeningPort.Reply(out.json(), () -> out.answered(agent), () -> out.rejected(agent));
    }

    @Override
    public ListeningPort.Reply configuration(JsonNode body) {
        String refusal = agent.configurations().apply(body.get("configuration"));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("status", refusal == null ? "applied" : "failed");
        if (refusal != null) {
            answer.put("reason", refusal);
        }
        return new ListeningPort.Reply(Json.bytes(answer), this::reconcile, this::reconcile);
    }
}
