package io.vigil.siem.format;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.alert.AlertData;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvent;

/**
 * Turns one record of {@code vigil.alerts}, {@code vigil.agent-events} or {@code vigil.audit} into its CEF message.
 * Anything that cannot be formatted throws {@link FormatException} with the reason (it goes to the dead-letter topic).
 */
public final class EventFormatter {

    private final AlertFormat alerts;
    private final AgentEventFormat agentEvents;
    private final AuditFormat audit;

    /** @param version the CEF device version (this forwarder's version) */
    public EventFormatter(String version, ComputerLookup computers) {
        this.alerts = new AlertFormat(version, computers);
        this.agentEvents = new AgentEventFormat(version, computers);
        this.audit = new AuditFormat(version, computers);
    }

    public Outbound format(String topic, byte[] value) {
        if (value == null) {
            throw new FormatException("empty record value");
        }
        Kind kind = Kind.ofTopic(topic).orElseThrow(() -> new FormatException("not a forwarded topic: " + topic));
        try {
            return switch (kind) {
                case ALERTS -> alerts.format(read(value, AlertData.class, EventTypes.ALERT_RAISED,
                        EventTypes.ALERT_UPDATED, EventTypes.ALERT_CLEARED, EventTypes.ALERT_DISMISSED));
                case AGENT_EVENTS -> agentEvents.format(read(value, AgentEvent.class, EventTypes.AGENT_EVENT));
                case AUDIT -> audit.format(read(value, AuditRecord.class, EventTypes.AUDIT));
            };
        } catch (EventJson.MalformedEventException e) {
            throw new FormatException(e.getMessage());
        }
    }

    private static <T> CloudEvent<T> read(byte[] value, Class<T> dataType, String... types) {
        CloudEvent<T> event = EventJson.readEvent(value, dataType);
        boolean known = false;
        for (String type : types) {
            known |= type.equals(event.type());
        }
        if (!known) {
            throw new FormatException("unexpected CloudEvents type " + event.type());
        }
        if (event.data() == null) {
            throw new FormatException("event " + event.id() + " has no data");
        }
        if (event.time() == null) {
            throw new FormatException("event " + event.id() + " has no time");
        }
        return event;
    }
}
