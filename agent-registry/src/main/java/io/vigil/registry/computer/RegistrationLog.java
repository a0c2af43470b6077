package io.vigil.registry.computer;

import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.registry.outbox.Outbox;
import io.vigil.registry.status.StatusPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Publishes a computer's {@link ComputerRegistration} on {@code vigil.internal.computers} through the outbox. */
@ApplicationScoped
public class RegistrationLog {

    private final Outbox outbox;

    public RegistrationLog(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(ComputerRow row) {
        String key = CloudEvents.computerKey(row.id());
        outbox.add(Topics.COMPUTERS, key, CloudEvents.create(StatusPublisher.SOURCE, EventTypes.COMPUTER_REGISTERED,
                key, toEvent(row)));
    }

    public static ComputerRegistration toEvent(ComputerRow r) {
        return new ComputerRegistration(r.id(), r.hostName(), r.platform(), r.agentVersion(), r.agentRelease(),
                r.computerType(), r.policyID(), r.agentAddress(), r.listeningPort(), r.vmState(),
                r.deactivated() ? ComputerRegistration.DEACTIVATED : ComputerRegistration.ACTIVATED,
                r.certificateSerial(),
                r.certificateExpiresAtMs() == null ? null : Instant.ofEpochMilli(r.certificateExpiresAtMs()),
                Instant.ofEpochMilli(r.changedAtMs()));
    }
}
