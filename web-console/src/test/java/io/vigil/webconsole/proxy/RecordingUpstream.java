package io.vigil.webconsole.proxy;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the three console services behind the proxy: it records the headers of every request it gets and
 * answers 200 with a small JSON body and an {@code ETag}. Every test of the module has it: restricted to one class, it
 * made Quarkus start a second application for that class, and LiveStreamTest then missed the stream's client gauge.
 */
public class RecordingUpstream implements QuarkusTestResourceLifecycleManager {

    /** The headers of each request received, lower-case names, oldest first. */
    static final List<Map<String, List<String>>> RECEIVED = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            RECEIVED.add(headers);
            byte[] body = "{\"answered\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("vigil.console.proxy.policy-service", url, "vigil.console.proxy.agent-registry", url,
                "vigil.console.proxy.alert-service", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
