package io.vigil.registry;

import com.sun.net.httpserver.HttpServer;
import io.vigil.testkit.VigilTestResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one test-resource set of this module: the shared real Kafka and PostgreSQL (database {@code registry}), a
 * stand-in for policy-service's {@code GET /internal/policies/{id}} knowing {@link #POLICIES}, and the platform CA
 * certificate in a file tests may remove and restore
 * ({@link #restoreCa}).
 */
public class RegistryTestResource extends VigilTestResource {

    public static final Set<Long> POLICIES = Set.of(1L, 7L);
    /** A policy ID for which the stand-in policy-service fails (500). */
    public static final String FAILING_POLICY = "666";
    private HttpServer policyService;

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "registry"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        Path caFile;
        try {
            caFile = Files.createTempDirectory("registry-ca").resolve("ca.crt");
            restoreCa(caFile);
            policyService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            policyService.createContext("/internal/policies/", exchange -> {
                String id = exchange.getRequestURI().getPath().substring("/internal/policies/".length());
                boolean known = id.matches("[0-9]{1,18}") && POLICIES.contains(Long.parseLong(id));
                byte[] body = known ? ("{\"ID\":" + id + ",\"name\":\"p" + id + "\",\"parentID\":null}")
                        .getBytes(StandardCharsets.UTF_8) : new byte[0];
                int status = known ? 200 : FAILING_POLICY.equals(id) ? 500 : 404;
                exchange.sendResponseHeaders(status, known ? body.length : -1);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            policyService.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("vigil.registry.policy-service-url", "http://127.0.0.1:" + policyService.getAddress().getPort());
        config.put("vigil.registry.ca-certificate", caFile.toString());
        return config;
    }

    /** Writes the test CA certificate to the file (tests find it as {@code vigil.registry.ca-certificate}). */
    public static void restoreCa(Path caFile) throws IOException {
        try (InputStream in = RegistryTestResource.class.getResourceAsStream("/test-ca.crt")) {
            Files.copy(in, caFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void stop() {
        if (policyService != null) {
            policyService.stop(0);
        }
    }
}
