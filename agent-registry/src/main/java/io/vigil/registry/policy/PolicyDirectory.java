package io.vigil.registry.policy;

import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.registry.config.RegistryConfig;
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

/**
 * Asks policy-service whether a policy exists ({@code GET /internal/policies/{id}}: 200 or 404), over mutual TLS as
 * {@code urn:vigil:service:agent-registry}.
 */
@ApplicationScoped
@Startup // the TLS context (key, CA) is built at start-up, not inside the first request's timeout
public class PolicyDirectory {

    private static final Logger LOG = Logger.getLogger(PolicyDirectory.class);

    private final RegistryConfig config;
    private final HttpClient client;

    public PolicyDirectory(RegistryConfig config, ServiceTls tls) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.policyServiceTimeout())
                .sslContext(tls.clientContext(ServiceIdentity.POLICY_SERVICE))
                .sslParameters(ServiceTls.clientParameters()).build();
    }

    /**
     * @return whether the policy exists
     * @throws ProblemException 503 when policy-service cannot answer
     */
    public boolean exists(long policyID) {
        String base = config.policyServiceUrl().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/internal/policies/" + policyID))
                .timeout(config.policyServiceTimeout()).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return true;
            }
            if (status == 404) {
                return false;
            }
            LOG.warnf("policy-service answered %d for policy %d", status, policyID);
        } catch (IOException e) {
            LOG.warnf("policy-service unreachable: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ProblemException(Problem.of(503, "dependency-unavailable", "Service unavailable",
                "policy-service could not check policy " + policyID + "; try again later"));
    }

    /** Throws a 400 naming {@code field} unless the policy exists. */
    public void require(String field, long policyID) {
        if (!exists(policyID)) {
            throw ProblemException.invalid(field, "policy " + policyID + " does not exist",
                    Long.toString(policyID), "the ID of an existing policy");
        }
    }
}
