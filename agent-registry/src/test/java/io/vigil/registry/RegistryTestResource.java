package io.vigil.registry;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vigil.testkit.InternalPort;
import io.vigil.testkit.VigilTestResource;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;

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
 * test CA in {@link #PKI} with the certificates of this service, of its caller and of others ({@link #INTERNAL}), a
 * stand-in for policy-service's {@code GET /internal/policies/{id}} knowing {@link #POLICIES} (HTTPS, it accepts only
 * agent-registry's client certificate), and the platform CA certificate in a file tests may remove and restore
 * ({@link #restoreCa}).
 */
public class RegistryTestResource extends VigilTestResource {

    public static final Set<Long> POLICIES = Set.of(1L, 7L);
    /** A policy ID for which the stand-in policy-service fails (500). */
    public static final String FAILING_POLICY = "666";
    /** The test CA and every identity tests present. */
    public static final Path PKI = Path.of("target/test-pki");
    /** Another platform service: authenticated, but not allowed on the internal port. */
    public static final String ALERT_SERVICE = "alert-service";
    /** The internal port: as heartbeat-gateway (allowed), another service, an agent, the manager, or nobody. */
    public static final InternalPort INTERNAL = new InternalPort(PKI, ServiceIdentity.AGENT_REGISTRY);
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
            config.putAll(INTERNAL.issue(ServiceIdentity.HEARTBEAT_GATEWAY, ALERT_SERVICE,
                    ServiceIdentity.POLICY_SERVICE));
            policyService = httpsServer(INTERNAL.identity(ServiceIdentity.POLICY_SERVICE));
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
        config.put("vigil.registry.policy-service-url", "https://127.0.0.1:" + policyService.getAddress().getPort());
        config.put("vigil.registry.ca-certificate", caFile.toString());
        return config;
    }

    /** An HTTPS server proving {@code identity} that requires agent-registry's client certificate. */
    private static HttpsServer httpsServer(ServiceTls identity) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(identity.clientContext(ServiceIdentity.AGENT_REGISTRY)) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(true);
                parameters.setProtocols(new String[]{ServiceTls.PROTOCOL});
            }
        });
        return server;
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
