package io.vigil.agent.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vigil.agent.Json;
import io.vigil.agent.tls.AgentKeyManager;
import io.vigil.agent.tls.ManagerTrust;
import io.vigil.agent.tls.TlsProfile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The agent's own TLS port (docs/agent-protocol.md, "The agent's own port"): serves the agent certificate, requires a
 * manager client certificate, and refuses peers its allowed sources do not name (in the handshake, where the key
 * manager offers no certificate to them, and again per request for connections made before a configuration change).
 */
public final class ListeningPort {

    public static final String HEARTBEAT_REQUEST = "/agent/v1/heartbeat-request";
    public static final String CONFIGURATION = "/agent/v1/configuration";
    private static final int MAX_BODY = 1024 * 1024;

    /** A reply and what to do once it was (or could not be) written. */
    public record Reply(byte[] json, Runnable onSent, Runnable onFailed) {
        public static Reply of(byte[] json) {
            return new Reply(json, () -> { }, () -> { });
        }
    }

    /** What the agent answers on its port. */
    public interface Handler {
        Reply heartbeatRequest();

        Reply configuration(JsonNode body);
    }

    private final HttpServer server;

    private ListeningPort(HttpServer server) {
        this.server = server;
    }

    /** Starts listening; {@code allowedPeer} gets the peer's IP literal. */
    public static Future<ListeningPort> start(Vertx vertx, String host, int port, AgentKeyManager keyManager,
                                              ManagerTrust trust, TlsProfile profile, Predicate<String> allowedPeer,
                                              Handler handler) {
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(keyManager))
                .setTrustOptions(TrustOptions.wrap(trust))
                .setClientAuth(ClientAuth.REQUIRED)
                .setIdleTimeout(300);
        ManagerClient.applyProfile(options, profile);
        HttpServer server = vertx.createHttpServer(options);
        server.connectionHandler(connection -> {
            if (!allowedPeer.test(connection.remoteAddress().hostAddress())) {
                connection.close();
            }
        });
        server.requestHandler(request -> handle(request, allowedPeer, handler));
        return server.listen().map(ListeningPort::new);
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> close() {
        return server.close();
    }

    private static void handle(HttpServerRequest request, Predicate<String> allowedPeer, Handler handler) {
        if (!allowedPeer.test(request.connection().remoteAddress().hostAddress())) {
            request.connection().close();
            return;
        }
        String path = request.path();
        if (!HEARTBEAT_REQUEST.equals(path) && !CONFIGURATION.equals(path)) {
            problem(request, 404, "Not Found", "no such resource: " + path);
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().putHeader("Allow", "POST");
            problem(request, 405, "Method Not Allowed", "use POST");
            return;
        }
        String length = request.getHeader("content-length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY) {
            problem(request, 413, "Payload Too Large", "bodies are limited to 1 MiB");
            return;
        }
        request.body().onSuccess(body -> {
            if (body.length() > MAX_BODY) {
                problem(request, 413, "Payload Too Large", "bodies are limited to 1 MiB");
            } else if (HEARTBEAT_REQUEST.equals(path)) {
                send(request, handler.heartbeatRequest());
            } else {
                configuration(request, body, handler);
            }
        });
    }

    private static void configuration(HttpServerRequest request, Buffer body, Handler handler) {
        JsonNode json;
        try {
            json = Json.parse(body.getBytes());
        } catch (IllegalArgumentException e) {
            problem(request, 400, "Bad Request", "the body is not JSON");
            return;
        }
        if (!json.isObject() || !json.path("configuration").isObject()) {
            problem(request, 400, "Bad Request", "configuration: must be a JSON object");
            return;
        }
        send(request, handler.configuration(json));
    }

    private static void send(HttpServerRequest request, Reply reply) {
        request.response().putHeader("content-type", "application/json")
                .end(Buffer.buffer(reply.json()))
                .onComplete(ar -> (ar.succeeded() ? reply.onSent() : reply.onFailed()).run());
    }

    private static void problem(HttpServerRequest request, int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        request.response().setStatusCode(status).putHeader("content-type", "application/problem+json")
                .end(Buffer.buffer(Json.bytes(problem)));
    }
}
