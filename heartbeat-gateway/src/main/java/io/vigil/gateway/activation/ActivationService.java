package io.vigil.gateway.activation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
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

/**
 * Activation: validate, choose serial and expiry, register with agent-registry (which checks the token and publishes
 * the registration and the audit event), sign the CSR, answer with the configuration. Activations wait their turn
 * ({@link ActivationAdmission}: 503 + Retry-After when the queue is full), a repeated request is answered from the
 * first ({@link ActivationLedger}), and only the agent's own failures count against its source address
 * ({@link AddressFailures}).
 */
@ApplicationScoped
public class ActivationService {

    private static final Logger LOG = Logger.getLogger(ActivationService.class);

    private final GatewayConfig config;
    private final PlatformCa ca;
    private final RegistryClient registry;
    private final ComputerDirectory directory;
    private final FailureLimiter limiter;
    private final ActivationAdmission admission;
    private final ActivationLedger ledger;
    private final MeterRegistry metrics;

    public ActivationService(GatewayConfig config, PlatformCa ca, RegistryClient registry, ComputerDirectory directory,
                             ActivationAdmission admission, MeterRegistry metrics) {
        this.config = config;
        this.ca = ca;
        this.registry = registry;
        this.directory = directory;
        this.admission = admission;
        this.metrics = metrics;
        this.limiter = new FailureLimiter(config.activation().maxFailures(), config.activation().failureWindow(),
                Clock.systemUTC());
        this.ledger = new ActivationLedger(config.activation().remember(), 100_000, Clock.systemUTC());
        metrics.gauge("vigil.gateway.activations.remembered", ledger, ActivationLedger::size);
    }

    public ActivationResponse activate(JsonNode body, String sourceAddress) {
        long retryAfter = limiter.retryAfterSeconds(sourceAddress);
        if (retryAfter > 0) {
            count("locked-out");
            throw new TooManyFailures(retryAfter);
        }
        try {
            ActivationRequest request = ActivationRequests.validate(body, sourceAddress);
            ActivationLedger.Outcome outcome = ledger.activate(request, () -> admitted(request, sourceAddress));
            count(switch (outcome.source()) {
                case DONE -> "activated";
                case JOINED -> "joined";
                case REPLAYED -> "replayed";
            });
            return outcome.response();
        } catch (ProblemException e) {
            count(e instanceof Busy ? "busy" : "refused");
            if (AddressFailures.counts(e.problem().status())) {
                limiter.failed(sourceAddress);
            }
            throw e;
        }
    }

    private ActivationResponse admitted(ActivationRequest request, String sourceAddress) {
        try (ActivationAdmission.Ticket ignored = admission.enter()) {
            return register(request, sourceAddress);
        } catch (ActivationAdmission.Busy e) {
            throw new Busy(e.retryAfterSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(config.activation().maxRetryAfterSeconds());
        }
    }

    private ActivationResponse register(ActivationRequest request, String sourceAddress) {
        BigInteger serial = CertificateAuthority.newSerial();
        String serialHex = CertificateAuthority.serialHex(serial);
        Instant expiresAt = Instant.now().plus(config.certificateValidity()).truncatedTo(ChronoUnit.SECONDS);
        RegistryClient.Activated activated = registry.activate(request, sourceAddress, serialHex, expiresAt);
        X509Certificate certificate = ca.issueAgentCertificate(CertificateRequests.publicKey(request.csr()),
                activated.computerID(), serial, expiresAt);
        directory.activated(activated.computerID(), serialHex, Instant.now(), activated.policyID(),
                request.computerType());
        ExpectedConfiguration expected = directory.forActivation(activated.computerID(), activated.policyID(),
                request.computerType());
        LOG.infof("computer %d (%s) %s from %s, certificate %s", activated.computerID(), request.hostName(),
                activated.reactivated() ? "reactivated" : "activated", sourceAddress, serialHex);
        return new ActivationResponse(activated.computerID(), ca.chainPem(certificate), expected.intervalSeconds(),
                expected.direction(), expected.fingerprint(), expected.configuration());
    }

    private void count(String outcome) {
        metrics.counter("vigil.gateway.activations", "outcome", outcome).increment();
    }

    /** 429: too many failed activations from one address. */
    public static final class TooManyFailures extends RetryLater {
        TooManyFailures(long retryAfterSeconds) {
            super(Problem.of(429, "too-many-failed-activations", "Too many failed activations",
                    "too many failed activations from this address; retry in " + retryAfterSeconds + " s"),
                    retryAfterSeconds);
        }
    }

    /** 503: the activation queue is full; the agent comes back after Retry-After (not a failure of the agent). */
    public static final class Busy extends RetryLater {
        Busy(long retryAfterSeconds) {
            super(Problem.of(503, "activation-queue-full", "Service unavailable",
                    "activations are queued; retry after " + retryAfterSeconds + " s"), retryAfterSeconds);
        }
    }
}
