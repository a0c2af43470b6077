package io.vigil.events;

/**
 * CloudEvents {@code type} values. Public types are part of the contract (docs/events.md); internal ones are shared
 * between services.
 */
public final class EventTypes {

    public static final String HEARTBEAT_RECEIVED = "vigil.heartbeat.received.v1";
    public static final String AGENT_EVENT = "vigil.agent.event.v1";
    public static final String COMPUTER_STATUS_CHANGED = "vigil.computer.status.changed.v1";
    public static final String ALERT_RAISED = "vigil.alert.raised.v1";
    public static final String ALERT_UPDATED = "vigil.alert.updated.v1";
    public static final String ALERT_CLEARED = "vigil.alert.cleared.v1";
    public static final String ALERT_DISMISSED = "vigil.alert.dismissed.v1";
    public static final String AUDIT = "vigil.audit.v1";

    public static final String COMPUTER_CONFIGURATION = "vigil.internal.computer.configuration.v1";
    public static final String POLICY_CONFIGURATION = "vigil.internal.policy.configuration.v1";
    public static final String COMPUTER_REGISTERED = "vigil.internal.computer.registration.v1";
    public static final String LIVENESS_CHANGED = "vigil.internal.liveness.changed.v1";
    public static final String CONTACT_FAILED = "vigil.internal.contact.failed.v1";
    public static final String OPERATION_FAILURES = "vigil.internal.operation.failures.v1";
    public static final String API_KEY = "vigil.internal.api-key.v1";
    public static final String API_KEY_USED = "vigil.internal.api-key.used.v1";

    private EventTypes() {
    }
}
