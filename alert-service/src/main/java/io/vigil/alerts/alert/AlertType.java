package io.vigil.alerts.alert;

import java.util.Arrays;
import java.util.Optional;

/** The alert types of docs/alert-rules.md with their fixed name, severity and whether they may be dismissed. */
public enum AlertType {
    AGENT_OFFLINE("agent-offline", "Agent/Appliance Offline", "critical", true,
            "The agent has missed more heartbeats than the missed-heartbeat threshold allows."),
    CLOCK_CHANGE("clock-change", "Computer Clock Change", "warning", true,
            "The computer's clock changed by more than the clock-change threshold."),
    PLATFORM_OUTAGE("platform-outage", "Heartbeat Outage", "critical", false,
            "A large share of all computers missed their heartbeat deadlines at the same time.");

    private final String id;
    private final String title;
    private final String severity;
    private final boolean dismissible;
    private final String description;

    AlertType(String id, String title, String severity, boolean dismissible, String description) {
        this.id = id;
        this.title = title;
        this.severity = severity;
        this.dismissible = dismissible;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String severity() {
        return severity;
    }

    public boolean dismissible() {
        return dismissible;
    }

    public String description() {
        return description;
    }

    /** The ID, as the REST filter {@code alertType} and the events name the type. */
    @Override
    public String toString() {
        return id;
    }

    public static Optional<AlertType> fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
