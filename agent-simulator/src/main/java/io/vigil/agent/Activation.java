package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.agent.net.Answer;
import io.vigil.agent.net.ManagerClient;
import io.vigil.agent.tls.AgentKeyManager;
import io.vigil.agent.tls.KeyMaterial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.util.concurrent.CompletableFuture;

/**
 * Activation (docs/agent-protocol.md, "Activation"): a new RSA key pair and CSR, {@code POST /agent/v1/activation} over
 * TLS with server authentication only and the manager CA pinned, then the issued certificate checked before it is used.
 * Retries while the manager is unreachable, busy (429, 5xx), after the manager's Retry-After or with a growing,
 * jittered wait ({@link Backoff}); fails for good when it refuses (400, 401, 409) or is not trusted.
 */
final class Activation {

    private record Prepared(KeyPair keyPair, String csr) {
    }

    /** The longest wait between two attempts without a Retry-After. */
    static final java.time.Duration MAX_BACKOFF = java.time.Duration.ofSeconds(60);

    private final ReferenceAgent agent;
    private final CompletableFuture<Void> started;
    private final Backoff backoff;
    private ManagerClient client;
    private Prepared prepared;
    private int failures;

    Activation(ReferenceAgent agent, CompletableFuture<Void> started) {
        this.agent = agent;
        this.started = started;
        this.backoff = new Backoff(agent.settings().retryDelay(), MAX_BACKOFF);
    }

    void attempt() {
        if (agent.state() != AgentState.ACTIVATING) {
            close();
            started.completeExceptionally(new ActivationException("stopped before activation"));
            return;
        }
        try {
            if (client == null) {
                client = ManagerClient.create(agent.vertx(), agent.settings().gateway(), agent.trust(), agent.tls(),
                        null, agent.settings().requestTimeout());
            }
        } catch (RuntimeException e) {
            fail("cannot set up TLS: " + e);
            return;
        }
        agent.vertx().executeBlocking(this::prepare, false)
                .compose(p -> client.post(ReferenceAgent.ACTIVATION_PATH, body(p)))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        unanswered(ar.cause());
                    } else {
                        answered(ar.result());
                    }
                });
    }

    private Prepared prepare() {
        if (prepared == null) {
            KeyPair keyPair = agent.settings().keyPairs().get();
            prepared = new Prepared(keyPair, KeyMaterial.csrPem(keyPair, agent.settings().hostName()));
        }
        if (agent.listeningPort() == 0) {
            agent.listeningPort(freePort(agent.settings().listenHost()));
        }
        return prepared;
    }

    private byte[] body(Prepared p) {
        AgentSettings s = agent.settings();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("token", s.token());
        body.put("hostName", s.hostName());
        body.put("platform", s.platform());
        body.put("agentVersion", s.agentVersion());
        if (s.agentRelease() != null) {
            body.put("agentRelease", s.agentRelease());
        }
        body.put("computerType", s.computerType());
        body.put("listeningPort", agent.listeningPort());
        if (s.agentAddress() != null) {
            body.put("agentAddress", s.agentAddress());
        }
        body.put("csr", p.csr());
        return Json.bytes(body);
    }

    private void unanswered(Throwable cause) {
        String rejection = agent.trust().lastRejection();
        if (rejection != null) {
            fail("the manager's certificate is not trusted: " + rejection);
        } else {
            retry("activation failed, retrying: " + cause.getMessage(), backoff.delayMillis(++failures, null));
        }
    }

    private void answered(Answer answer) {
        int status = answer.status();
        if (status == 201) {
            try {
                activated(answer.json());
            } catch (IllegalArgumentException e) {
                fail("activation answer refused: " + e.getMessage());
            }
        } else if (status == 429 || status >= 500) {
            retry("activation refused for now, retrying: " + answer.problem(),
                    backoff.delayMillis(++failures, answer.retryAfter()));
        } else {
            fail(answer.problem());
        }
    }

    private void activated(JsonNode json) {
        long computerID = json.path("computerID").asLong(-1);
        if (computerID <= 0) {
            throw new IllegalArgumentException("no computerID");
        }
        var chain = IssuedCertificates.check(json.path("certificate").asText(null), prepared.keyPair(), computerID,
                agent.trust());
        if (agent.state() != AgentState.ACTIVATING) {
            close();
            started.completeExceptionally(new ActivationException("stopped during activation"));
            return;
        }
        AgentKeyManager keyManager = new AgentKeyManager(prepared.keyPair(), chain, agent.configurations()::allows);
        agent.computerID(computerID);
        agent.keyManager(keyManager);
        agent.client(ManagerClient.create(agent.vertx(), agent.settings().gateway(), agent.trust(), agent.tls(),
                keyManager, agent.settings().requestTimeout()));
        agent.configurations().runInitial(json.get("configuration"));
        agent.heartbeats().interval(json.path("heartbeatIntervalSeconds")
                .asLong(agent.configuration().heartbeatIntervalSeconds()));
        close();
        agent.setState(AgentState.ACTIVE, "activated; configuration " + agent.configFingerprint() + " ("
                + agent.configuration().communicationsDirection() + ", heartbeat every "
                + agent.heartbeatIntervalSeconds() + " s)");
        started.complete(null);
        agent.port().reconcile();
        agent.heartbeats().beatSoon();
    }

    private void retry(String message, long delayMillis) {
        if (agent.state() != AgentState.ACTIVATING) {
            attempt();
            return;
        }
        agent.problem(message);
        agent.vertx().setTimer(Math.max(1, delayMillis), t -> attempt());
    }

    private void fail(String message) {
        close();
        if (agent.state() == AgentState.ACTIVATING) {
            agent.setState(AgentState.FAILED, "activation failed: " + message);
        }
        started.completeExceptionally(new ActivationException(message));
    }

    private void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
