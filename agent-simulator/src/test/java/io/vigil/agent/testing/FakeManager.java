package io.vigil.agent.testing;

import io.vigil.tls.CertificateNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vigil.agent.Json;
import io.vigil.agent.tls.CaPin;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A small HTTPS server that plays the manager's side of the agent protocol for tests: activation (signing the CSR
 * with a test CA), heartbeats with a client certificate (answering queued operations), certificate renewal, and a
 * manager client for calls to an agent's port.
 */
public final class FakeManager implements AutoCloseable {

    public static final String TOKEN = "test-token";

    /** A heartbeat as the manager received it. */
    public record Received(long computerID, JsonNode body, int connection, BigInteger serial, String protocol,
                           String cipherSuite) {
    }

    private final TestPki pki;
    private final TestPki.Identity identity;
    private final Vertx vertx = Vertx.vertx();
    private final AtomicLong computerIDs = new AtomicLong(100);
    public final List<JsonNode> activations = new CopyOnWriteArrayList<>();
    public final List<Received> heartbeats = new CopyOnWriteArrayList<>();
    public final ConcurrentLinkedDeque<ObjectNode> operations = new ConcurrentLinkedDeque<>();
    public final Set<Long> revoked = ConcurrentHashMap.newKeySet();
    public final Map<Long, X509Certificate> renewed = new ConcurrentHashMap<>();
    /** Runs on every activation request before it is answered (e.g. to take the port the agent reported). */
    public volatile Consumer<JsonNode> beforeActivationAnswer = body -> { };
    public volatile AgentConfiguration configuration =
            new AgentConfiguration(600, "Bidirectional", null, List.of("any"));
    private HttpServer server;

    private FakeManager(TestPki pki, TestPki.Identity identity) {
        this.pki = pki;
        this.identity = identity;
    }

    /** Starts on a free loopback port, serving {@code identity} (a manager certificate unless a test says not). */
    public static FakeManager start(TestPki pki, TestPki.Identity identity) throws Exception {
        FakeManager manager = new FakeManager(pki, identity);
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(0).setSsl(true)
                .setKeyCertOptions(identity.keyCertOptions()).setTrustOptions(pki.trustOptions())
                .setClientAuth(ClientAuth.REQUEST);
        manager.server = manager.vertx.createHttpServer(options).requestHandler(manager::handle)
                .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return manager;
    }

    public URI uri() {
        return URI.create("https://127.0.0.1:" + server.actualPort());
    }

    public Vertx vertx() {
        return vertx;
    }

    public List<Received> heartbeatsOf(long computerID) {
        return heartbeats.stream().filter(h -> h.computerID() == computerID).toList();
    }

    /** Queues an {@code UpdateConfiguration} for the next heartbeat, with the fingerprint the manager claims. */
    public void queueUpdate(long operationID, AgentConfiguration configuration, String claimedFingerprint) {
        ObjectNode op = Json.mapper().createObjectNode().put("operationID", operationID)
                .put("type", "UpdateConfiguration").put("configFingerprint", claimedFingerprint);
        op.set("configuration", ConfigFingerprint.document(configuration));
        operations.add(op);
    }

    public void queueRenewal(long operationID) {
        operations.add(Json.mapper().createObjectNode().put("operationID", operationID).put("type", "RenewCertificate"));
    }

    /** A client that calls agents' ports with the given client certificate (or none). */
    public HttpClient client(TestPki.Identity clientIdentity) {
        HttpClientOptions options = new HttpClientOptions().setSsl(true).setVerifyHost(false)
                .setTrustOptions(pki.trustOptions()).setKeepAlive(false).setConnectTimeout(5000);
        if (clientIdentity != null) {
            options.setKeyCertOptions(clientIdentity.keyCertOptions());
        }
        return vertx.createHttpClient(options);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            switch (request.path()) {
                case "/agent/v1/activation" -> activation(request, Json.parse(body.getBytes()));
                case "/agent/v1/heartbeat" -> heartbeat(request, Json.parse(body.getBytes()));
                case "/agent/v1/certificate" -> renewal(request, Json.parse(body.getBytes()));
                default -> reply(request, 404, Json.mapper().createObjectNode().put("title", "Not Found"));
            }
        });
    }

    private void activation(HttpServerRequest request, JsonNode body) {
        if (clientCertificate(request).isPresent()) {
            reply(request, 400, problem("a client certificate was presented at activation"));
            return;
        }
        activations.add(body);
        beforeActivationAnswer.accept(body);
        if (!TOKEN.equals(body.path("token").asText())) {
            reply(request, 401, problem("unknown token"));
            return;
        }
        long id = computerIDs.incrementAndGet();
        ObjectNode answer = Json.mapper().createObjectNode().put("computerID", id)
                .put("certificate", pki.signCsr(body.path("csr").asText(), id))
                .put("heartbeatIntervalSeconds", configuration.heartbeatIntervalSeconds())
                .put("communicationsDirection", configuration.communicationsDirection())
                .put("configFingerprint", ConfigFingerprint.of(configuration));
        answer.set("configuration", ConfigFingerprint.document(configuration));
        reply(request, 201, answer);
    }

    private void heartbeat(HttpServerRequest request, JsonNode body) {
        Optional<X509Certificate> certificate = clientCertificate(request);
        Optional<Long> computer = certificate.flatMap(FakeManager::computerOf);
        if (computer.isEmpty()) {
            reply(request, 401, problem("client certificate required"));
            return;
        }
        if (revoked.contains(computer.get())) {
            reply(request, 403, problem("certificate revoked"));
            return;
        }
        var session = request.connection().sslSession();
        heartbeats.add(new Received(computer.get(), body, System.identityHashCode(request.connection()),
                certificate.get().getSerialNumber(), session.getProtocol(), session.getCipherSuite()));
        ObjectNode answer = Json.mapper().createObjectNode()
                .put("heartbeatIntervalSeconds", configuration.heartbeatIntervalSeconds())
                .put("communicationsDirection", configuration.communicationsDirection());
        ArrayNode ops = answer.putArray("operations");
        ObjectNode op;
        while ((op = operations.poll()) != null) {
            ops.add(op);
        }
        reply(request, 200, answer);
    }

    private void renewal(HttpServerRequest request, JsonNode body) {
        Optional<Long> computer = clientCertificate(request).flatMap(FakeManager::computerOf);
        if (computer.isEmpty()) {
            reply(request, 401, problem("client certificate required"));
            return;
        }
        String chain = pki.signCsr(body.path("csr").asText(), computer.get());
        renewed.put(computer.get(), io.vigil.agent.tls.Pem.certificates(chain).getFirst());
        reply(request, 201, Json.mapper().createObjectNode().put("certificate", chain));
    }

    private static Optional<X509Certificate> clientCertificate(HttpServerRequest request) {
        try {
            return Optional.of((X509Certificate) request.connection().peerCertificates().getFirst());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> computerOf(X509Certificate certificate) {
        return CertificateNames.uris(certificate).stream().filter(u -> u.startsWith(CertificateNames.COMPUTER_PREFIX))
                .map(u -> Long.parseLong(u.substring(CertificateNames.COMPUTER_PREFIX.length()))).findFirst();
    }

    private static ObjectNode problem(String detail) {
        return Json.mapper().createObjectNode().put("title", "refused").put("detail", detail);
    }

    private static void reply(HttpServerRequest request, int status, JsonNode body) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(Buffer.buffer(Json.bytes(body)));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
