package io.vigil.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vigil.events.EventJson;
import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.internal.ServiceCertificates;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for agent-registry's internal API (a separate service with its own tests): tokens starting with
 * {@code good} activate a new computer, {@code expired} gives 401, {@code duplicate} gives 409. Records every call.
 */
public class RegistryStub implements QuarkusTestResourceLifecycleManager {

    public static final List<JsonNode> ACTIVATIONS = new CopyOnWriteArrayList<>();
    public static final List<String> RENEWALS = new CopyOnWriteArrayList<>();
    private static final AtomicLong NEXT_ID = new AtomicLong(1000);
    private HttpsServer server;

    @Override
    public Map<String, String> start() {
        try {
            CaDirectory ca = new CaDirectory(TestAgent.CA_DIR);
            ca.initialise();
            ServiceTls registry = new ServiceCertificates(ca.load()).issue(ServiceIdentity.AGENT_REGISTRY);
            server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(registry.clientContext(ServiceIdentity.HEARTBEAT_GATEWAY)) {
                @Override
                public void configure(HttpsParameters parameters) {
                    parameters.setNeedClientAuth(true);
                    parameters.setProtocols(new String[]{ServiceTls.PROTOCOL});
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/activations", this::activation);
        server.createContext("/internal/computers/", this::renewal);
        server.start();
        return Map.of("vigil.gateway.registry-url", "https://127.0.0.1:" + server.getAddress().getPort());
    }

    private void activation(HttpExchange exchange) throws IOException {
        JsonNode body = EventJson.mapper().readTree(exchange.getRequestBody());
        ACTIVATIONS.add(body);
        String token = body.path("token").asText();
        if (token.startsWith("good")) {
            long id = NEXT_ID.incrementAndGet();
            // "good-policy-N-..." activates into policy N, any other good token into policy 1
            String[] parts = token.split("-");
            long policyID = parts.length > 2 && parts[1].equals("policy") ? Long.parseLong(parts[2]) : 1;
            answer(exchange, 201, "application/json", "{\"computerID\":" + id
                    + ",\"policyID\":" + policyID + ",\"reactivated\":false,\"supersededComputerID\":null}");
        } else if (token.startsWith("duplicate")) {
            answer(exchange, 409, "application/problem+json", "{\"type\":\"https://vigil.io/problems/conflict\","
                    + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"host name already active\"}");
        } else {
            answer(exchange, 401, "application/problem+json", "{\"type\":\"https://vigil.io/problems/invalid-token\","
                    + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown, expired or used-up token\"}");
        }
    }

    private void renewal(HttpExchange exchange) throws IOException {
        RENEWALS.add(exchange.getRequestURI().getPath() + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
