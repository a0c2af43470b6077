package io.vigil.siem.cef;

import java.util.Map;
import java.util.Optional;

/**
 * CEF signature IDs. Documented in the README and never reused: a new alert type gets a new number.
 * Computer Clock Change is 734 as in Deep Security Manager; agent events are 100000 + the agent's event ID; Vigil's
 * own alert types and the audit trail use the 90000 range, below every agent event.
 */
public final class Signatures {

    public static final int CLOCK_CHANGE = 734;
    public static final int AGENT_OFFLINE = 90001;
    public static final int PLATFORM_OUTAGE = 90002;
    public static final int AUDIT = 90100;
    public static final int AGENT_EVENT_BASE = 100_000;

    /** Alert type to signature ID and the CEF name used when an alert carries none. */
    private static final Map<String, Entry> ALERTS = Map.of(
            "clock-change", new Entry(CLOCK_CHANGE, "Computer Clock Change"),
            "agent-offline", new Entry(AGENT_OFFLINE, "Agent/Appliance Offline"),
            "platform-outage", new Entry(PLATFORM_OUTAGE, "Heartbeat Outage"));

    public record Entry(int signatureID, String name) {
    }

    private Signatures() {
    }

    public static Optional<Entry> alert(String alertType) {
        return Optional.ofNullable(alertType == null ? null : ALERTS.get(alertType));
    }

    public static int agentEvent(int eventID) {
        return AGENT_EVENT_BASE + eventID;
    }
}
