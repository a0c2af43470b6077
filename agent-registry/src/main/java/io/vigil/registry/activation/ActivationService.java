package io.vigil.registry.activation;

import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.registry.audit.AuditLog;
import io.vigil.registry.computer.ComputerRepository;
import io.vigil.registry.computer.ComputerRow;
import io.vigil.registry.computer.RegistrationLog;
import io.vigil.registry.token.ActivationToken;
import io.vigil.registry.token.DuplicateRule;
import io.vigil.registry.token.TokenRepository;
import io.vigil.registry.token.TokenSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Activations: the token use, the computer created or reactivated (or refused), its registration and the audit events
 * in one transaction. Activations are serialised (advisory lock), which keeps host-name duplicates and ID order exact.
 */
@ApplicationScoped
public class ActivationService {

    private static final Logger LOG = Logger.getLogger(ActivationService.class);

    private final TokenRepository tokens;
    private final ComputerRepository computers;
    private final RegistrationLog registrations;
    private final AuditLog audit;

    public ActivationService(TokenRepository tokens, ComputerRepository computers, RegistrationLog registrations,
                             AuditLog audit) {
        this.tokens = tokens;
        this.computers = computers;
        this.registrations = registrations;
        this.audit = audit;
    }

    @Transactional(rollbackOn = Exception.class)
    public ActivationResult activate(ActivationRequest request) throws SQLException {
        computers.lockCreation();
        long now = System.currentTimeMillis();
        Optional<ActivationToken> found = tokens.findForUpdate(TokenSecrets.hash(request.token()));
        if (found.isEmpty() || !found.get().usableAt(now)) {
            LOG.infof("activation of %s refused: %s token", request.hostName(),
                    found.isEmpty() ? "unknown" : "expired or used-up");
            throw new ProblemException(Problem.of(401, "invalid-activation-token", "Invalid activation token",
                    "the activation token is unknown, expired or used up"));
        }
        ActivationToken token = found.get();
        Optional<ComputerRow> existing = computers.findActiveByHostName(request.hostName());
        ActivationResult result;
        if (existing.isEmpty()) {
            result = create(request, token.policyID(), now, null);
        } else if (token.onDuplicateHostName() == DuplicateRule.REJECT) {
            throw ProblemException.conflict("host name " + request.hostName() + " is already active as computer "
                    + existing.get().id() + " and the token rejects duplicates");
        } else if (token.onDuplicateHostName() == DuplicateRule.REACTIVATE) {
            result = reactivate(existing.get(), request, now);
        } else {
            ComputerRow old = existing.get();
            ComputerRow superseded = old.deactivate(now);
            computers.update(superseded);
            registrations.publish(superseded);
            audit.record(Long.toString(old.id()), AuditLog.AGENT, "computer.superseded", "computer",
                    Long.toString(old.id()), RegistrationLog.toEvent(old), RegistrationLog.toEvent(superseded));
            result = create(request, token.policyID(), now, old.id());
        }
        tokens.countUse(token.id());
        LOG.infof("computer %d (%s) %s with token %d", result.computerID(), request.hostName(),
                result.reactivated() ? "reactivated" : "activated", token.id());
        return result;
    }

    private ActivationResult create(ActivationRequest r, long policyID, long now, Long superseded)
            throws SQLException {
        ComputerRow row = new ComputerRow(computers.nextId(), r.hostName(), r.platform(), r.agentVersion(),
                r.agentRelease(), r.computerType(), policyID, r.agentAddress(), r.listeningPort(),
                ComputerRow.RUNNING, ComputerRow.ACTIVATED, r.certificateSerial(), r.certificateExpiresAtMs(), now,
                now);
        computers.insert(row);
        registrations.publish(row);
        audit.record(Long.toString(row.id()), AuditLog.AGENT, "computer.activated", "computer",
                Long.toString(row.id()), null, RegistrationLog.toEvent(row));
        return new ActivationResult(row.id(), policyID, false, superseded);
    }

    private ActivationResult reactivate(ComputerRow old, ActivationRequest r, long now) throws SQLException {
        ComputerRow row = new ComputerRow(old.id(), r.hostName(), r.platform(), r.agentVersion(), r.agentRelease(),
                r.computerType(), old.policyID(), r.agentAddress(), r.listeningPort(), old.vmState(),
                ComputerRow.ACTIVATED, r.certificateSerial(), r.certificateExpiresAtMs(), now, now);
        computers.update(row);
        registrations.publish(row);
        audit.record(Long.toString(row.id()), AuditLog.AGENT, "computer.reactivated", "computer",
                Long.toString(row.id()), RegistrationLog.toEvent(old), RegistrationLog.toEvent(row));
        return new ActivationResult(row.id(), row.policyID(), true, null);
    }

    /** A certificate renewal: the new serial becomes the only valid one. */
    @Transactional(rollbackOn = Exception.class)
    public void renewCertificate(long id, String serial, long expiresAtMs) throws SQLException {
        ComputerRow before = computers.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("computer", id));
        if (before.deactivated()) {
            throw ProblemException.conflict("computer " + id + " is deactivated");
        }
        ComputerRow after = before.withCertificate(serial, expiresAtMs, System.currentTimeMillis());
        computers.update(after);
        registrations.publish(after);
        audit.record(Long.toString(id), AuditLog.AGENT, "computer.certificate-renewed", "computer",
                Long.toString(id), RegistrationLog.toEvent(before), RegistrationLog.toEvent(after));
    }
}
