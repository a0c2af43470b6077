package io.vigil.gateway.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.vigil.console.Problems;
import io.vigil.gateway.AgentBodies;
import io.vigil.gateway.Fields;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.activation.RegistryClient;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.ca.CertificateRequests;
import io.vigil.gateway.ca.PlatformCa;
import io.vigil.gateway.guard.GuardConfig;
import io.vigil.gateway.guard.RateBudget;
import io.vigil.gateway.heartbeat.AgentIdentity;
import io.vigil.gateway.state.ComputerDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Contract addition: {@code POST /agent/v1/certificate} {@code {"csr": "..."}} on the agent's authenticated
 * connection performs a {@code RenewCertificate} operation. Answer 201 {@code {"certificate": chain,
 * "certificateExpiresAt": ...}}; the registry is told first, and from then on only the new certificate is valid.
 * Accepted only inside the renewal window and within the computer's renewal budget ({@link RenewalPolicy}): 409
 * {@code renewal-not-due} or 429 {@code too-many-renewals} with {@code Retry-After} otherwise, logged and counted
 * ({@code vigil.gateway.certificate.renewals{outcome}}). The audit event of a renewal is agent-registry's
 * ({@code computer.certificate-renewed}, written with the serial change).
 */
@Path("/agent/v1/certificate")
public class CertificateRenewalResource {

    private static final Logger LOG = Logger.getLogger(CertificateRenewalResource.class);

    private final GatewayConfig config;
    private final PlatformCa ca;
    private final RegistryClient registry;
    private final ComputerDirectory directory;
    private final RenewalPolicy policy;
    private final MeterRegistry metrics;

    public CertificateRenewalResource(GatewayConfig config, GuardConfig guard, PlatformCa ca, RegistryClient registry,
                                      ComputerDirectory directory, MeterRegistry metrics) {
        this.config = config;
        this.ca = ca;
        this.registry = registry;
        this.directory = directory;
        this.metrics = metrics;
        this.policy = new RenewalPolicy(config.certificateRenewBefore(), guard.renewals().max(),
                guard.renewals().window(), new RateBudget(guard.renewals().max(), System::nanoTime));
    }

    /** The renewed certificate chain and its expiry. */
    public record Renewed(String certificate, Instant certificateExpiresAt) {
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response renew(byte[] body, @Context HttpServerRequest request) {
        AgentIdentity agent = AgentIdentity.of(request, directory);
        Optional<RenewalPolicy.Refusal> refusal = policy.judge(agent.computerID(),
                agent.notAfter(), Instant.now());
        if (refusal.isPresent()) {
            return refused(agent, refusal.get());
        }
        JsonNode json = AgentBodies.parse(body);
        Fields fields = new Fields();
        String csr = fields.string(json, "csr", "csr", true, 16_384);
        PublicKey key = null;
        if (csr != null) {
            try {
                key = CertificateRequests.publicKey(csr);
            } catch (IllegalArgumentException e) {
                fields.invalid("csr", e.getMessage());
            }
        }
        fields.throwIfInvalid();
        BigInteger serial = CertificateAuthority.newSerial();
        String serialHex = CertificateAuthority.serialHex(serial);
        Instant expiresAt = Instant.now().plus(config.certificateValidity()).truncatedTo(ChronoUnit.SECONDS);
        registry.certificateRenewed(agent.computerID(), serialHex, expiresAt);
        X509Certificate certificate = ca.issueAgentCertificate(key, agent.computerID(), serial, expiresAt);
        directory.issued(agent.computerID(), serialHex, Instant.now());
        LOG.infof("computer %d renewed its certificate: %s replaces %s", agent.computerID(), serialHex,
                agent.serialHex());
        outcome("renewed");
        return Response.status(201).entity(new Renewed(ca.chainPem(certificate), expiresAt)).build();
    }

    /** A refused renewal is logged and counted; the registry's audit log records only renewals that happened. */
    private Response refused(AgentIdentity agent, RenewalPolicy.Refusal refusal) {
        LOG.warnf("computer %d: certificate renewal refused (%s) from %s with certificate %s: %s", agent.computerID(),
                refusal.outcome(), agent.connection().remoteAddress(), agent.serialHex(), refusal.problem().detail());
        outcome(refusal.outcome());
        Response.ResponseBuilder answer = Response.fromResponse(Problems.response(refusal.problem()));
        if (refusal.retryAfterSeconds() > 0) {
            answer.header("Retry-After", refusal.retryAfterSeconds());
        }
        return answer.build();
    }

    private void outcome(String outcome) {
        metrics.counter("vigil.gateway.certificate.renewals", "outcome", outcome).increment();
    }
}
