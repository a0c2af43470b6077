package io.vigil.gateway.activation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.events.EventJson;
import io.vigil.gateway.GatewayConfig;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * agent-registry's internal API: {@code POST /internal/activations} and {@code /internal/computers/{id}/certificate},
 * over mutual TLS as {@code urn:vigil:service:heartbeat-gateway}.
 */
@ApplicationScoped
@Startup // the service certificate and TLS context are made at start-up, not inside the first activation's timeout
public class RegistryClient {

    private static final Logger LOG = Logger.getLogger(RegistryClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final HttpClient http;
    private final String baseUrl;

    public RegistryClient(GatewayConfig config, ServiceTls tls) {
        this.baseUrl = config.registryUrl().replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .sslContext(tls.clientContext(ServiceIdentity.AGENT_REGISTRY))
                .sslParameters(ServiceTls.clientParameters()).build();
    }

    /** The registry's answer to an activation. */
    public record Activated(long computerID, long policyID, boolean reactivated, Long supersededComputerID) {
    }

    /** Registers the activation; 401/409/400 from the registry are passed through as problems. */
    public Activated activate(ActivationRequest request, String sourceAddress, String serialHex, Instant expiresAt) {
        ObjectNode body = EventJson.mapper().createObjectNode()
                .put("token", request.token()).put("hostName", request.hostName())
                .put("platform", request.platform()).put("agentVersion", request.agentVersion())
                .put("agentRelease", request.agentRelease()).put("computerType", request.computerType())
                .put("listeningPort", request.listeningPort()).put("agentAddress", request.agentAddress())
                .put("sourceAddress", sourceAddress).put("certificateSerial", serialHex)
                .put("certificateExpiresAt", expiresAt.toString());
        HttpResponse<byte[]> response = post("/internal/activations", body);
        if (response.statusCode() == 201) {
            JsonNode answer = EventJson.read(response.body(), new com.fasterxml.jackson.core.type.TypeReference<>() {
            });
            JsonNode superseded = answer.get("supersededComputerID");
            return new Activated(answer.path("computerID").asLong(), answer.path("policyID").asLong(1),
                    answer.path("reactivated").asBoolean(),
                    superseded == null || superseded.isNull() ? null : superseded.asLong());
        }
        throw passThrough(response);
    }

    /** Tells the registry about a renewed certificate (204 expected). */
    public void certificateRenewed(long computerID, String serialHex, Instant expiresAt) {
        ObjectNode body = EventJson.mapper().createObjectNode().put("certificateSerial", serialHex)
                .put("certificateExpiresAt", expiresAt.toString());
        HttpResponse<byte[]> response = post("/internal/computers/" + computerID + "/certificate", body);
        if (response.statusCode() / 100 != 2) {
            throw passThrough(response);
        }
    }

    private HttpResponse<byte[]> post(String path, JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.toBytes(body))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warnf("agent-registry unreachable at %s: %s", baseUrl, e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ProblemException passThrough(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 400 || status == 401 || status == 404 || status == 409) {
            try {
                Problem problem = EventJson.mapper().readValue(response.body(), Problem.class);
                return new ProblemException(new Problem(problem.type(), problem.title(), status, problem.detail(),
                        problem.invalidParams() == null ? java.util.List.of() : problem.invalidParams()));
            } catch (IOException | RuntimeException unreadable) {
                return new ProblemException(Problem.of(status, "registry-refused", "Refused", "activation refused"));
            }
        }
        LOG.warnf("agent-registry answered %d", status);
        return unavailable();
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "registry-unavailable", "Service unavailable",
                "the platform cannot register the activation now; retry later"));
    }
}
