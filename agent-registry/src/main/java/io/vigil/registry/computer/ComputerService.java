package io.vigil.registry.computer;

import io.vigil.console.ProblemException;
import io.vigil.registry.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes on computers: each changes the row and publishes the registration atomically; console writes also publish
 * an audit event.
 */
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

    /** A listening port taken from an agent's heartbeat. */
    public record PortChange(long computerID, int from, int to) {
    }

    /**
     * Adopts the listening ports agents reported (computer ID to port): the row changes and the registration is
     * published exactly as for a console change of the port, in one transaction, rows locked in ID order. Not audited:
     * it is the agent's report, not a console write. Unknown and deactivated computers, and computers that already
     * have the port, are left alone.
     *
     * @return what changed
     */
    @Transactional(rollbackOn = Exception.class)
    public List<PortChange> adoptListeningPorts(Map<Long, Integer> ports) throws SQLException {
        List<PortChange> changes = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Map.Entry<Long, Integer> e : new TreeMap<>(ports).entrySet()) {
            ComputerRow before = computers.findForUpdate(e.getKey()).orElse(null);
            int port = e.getValue();
            if (before == null || before.deactivated() || before.listeningPort() == port) {
                continue;
            }
            ComputerRow after = before.withPlacement(before.policyID(), before.agentAddress(), port,
                    before.vmState(), now);
            computers.update(after);
            registrations.publish(after);
            changes.add(new PortChange(before.id(), before.listeningPort(), port));
        }
        return changes;
    }

    private static String key(long id) {
        return Long.toString(id);
    }
}
