package io.vigil.gateway.activation;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.ca.CertificateRequests;
import io.vigil.gateway.ca.PlatformCa;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.gateway.state.ExpectedConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Activation: validate, choose serial and expiry, register with agent-registry (which checks the token and publishes
 * the registration and the audit event), sign the CSR, answer with the configuration. Failed activations count
 * against the source address.
 */
@ApplicationScoped
public class ActivationService {

    private static final Logger LOG = Logger.getLogger(ActivationService.class);
    private static final Set<Integer> COUNTED = Set.of(400, 401, 409);

    private final GatewayConfig config;
    private final PlatformCa ca;
    private final RegistryClient registry;
    private final ComputerDirectory directory;
    private final FailureLimiter limiter;

    public ActivationService(GatewayConfig config, PlatformCa ca, RegistryClient registry, ComputerDirectory directory) {
        this.config = config;
        this.ca = ca;
        this.registry = registry;
        this.directory = directory;
        this.limiter = new FailureLimiter(config.activation().maxFailures(), config.activation().failureWindow(),
                Clock.systemUTC());
    }

    public ActivationResponse activate(JsonNode body, String sourceAddress) {
        long retryAfter = limiter.retryAfterSeconds(sourceAddress);
        if (retryAfter > 0) {
            throw new TooManyFailures(retryAfter);
        }
        try {
            return register(ActivationRequests.validate(body, sourceAddress), sourceAddress);
        } catch (ProblemException e) {
            if (COUNTED.contains(e.problem().status())) {
                limiter.failed(sourceAddress);
            }
            throw e;
        }
    }

    private ActivationResponse register(ActivationRequest request, String sourceAddress) {
        BigInteger serial = CertificateAuthority.newSerial();
        String serialHex = CertificateAuthority.serialHex(serial);
        Instant expiresAt = Instant.now().plus(config.certificateValidity()).truncatedTo(ChronoUnit.SECONDS);
        RegistryClient.Activated activated = registry.activate(request, sourceAddress, serialHex, expiresAt);
        X509Certificate certificate = ca.issueAgentCertificate(CertificateRequests.publicKey(request.csr()),
                activated.computerID(), serial, expiresAt);
        directory.issued(activated.computerID(), serialHex, Instant.now());
        ExpectedConfiguration expected = directory.forActivation(activated.computerID(), activated.policyID(),
                request.computerType());
        LOG.infof("computer %d (%s) %s from %s, certificate %s", activated.computerID(), request.hostName(),
                activated.reactivated() ? "reactivated" : "activated", sourceAddress, serialHex);
        return new ActivationResponse(activated.computerID(), ca.chainPem(certificate), expected.intervalSeconds(),
                expected.direction(), expected.fingerprint(), expected.configuration());
    }

    /** 429: too many failed activations from one address. */
    public static final class TooManyFailures extends ProblemException {
        private final long retryAfterSeconds;

        TooManyFailures(long retryAfterSeconds) {
            super(Problem.of(429, "too-many-failed-activations", "Too many failed activations",
                    "too many failed activations from this address; retry in " + retryAfterSeconds + " s"));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
