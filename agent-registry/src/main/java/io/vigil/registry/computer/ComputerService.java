package io.vigil.registry.computer;

import io.vigil.console.ProblemException;
import io.vigil.registry.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;

/** Console writes on computers: each changes the row, publishes the registration and an audit event atomically. */
@ApplicationScoped
public class ComputerService {

    private final ComputerRepository computers;
    private final RegistrationLog registrations;
    private final AuditLog audit;

    public ComputerService(ComputerRepository computers, RegistrationLog registrations, AuditLog audit) {
        this.computers = computers;
        this.registrations = registrations;
        this.audit = audit;
    }

    @Transactional(rollbackOn = Exception.class)
    public void update(long id, ComputerUpdate update, String actor) throws SQLException {
        ComputerRow before = computers.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("computer", id));
        if (before.deactivated()) {
            throw ProblemException.conflict("computer " + id + " is deactivated and cannot be changed");
        }
        ComputerRow after = update.applyTo(before, System.currentTimeMillis());
        if (after.withPlacement(after.policyID(), after.agentAddress(), after.listeningPort(), after.vmState(),
                before.changedAtMs()).equals(before)) {
            return;
        }
        computers.update(after);
        registrations.publish(after);
        audit.record(key(id), actor, "computer.updated", "computer", Long.toString(id),
                RegistrationLog.toEvent(before), RegistrationLog.toEvent(after));
    }

    @Transactional(rollbackOn = Exception.class)
    public void deactivate(long id, String actor) throws SQLException {
        ComputerRow before = computers.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("computer", id));
        if (before.deactivated()) {
            return;
        }
        ComputerRow after = before.deactivate(System.currentTimeMillis());
        computers.update(after);
        registrations.publish(after);
        audit.record(key(id), actor, "computer.deactivated", "computer", Long.toString(id),
                RegistrationLog.toEvent(before), RegistrationLog.toEvent(after));
    }

    private static String key(long id) {
        return Long.toString(id);
    }
}
