package io.vigil.policy.setting;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of docs/settings.md with its Base Policy default (normalised). Manager-only settings are applied by
 * the manager and are not part of the agent's configuration document, so they never change its fingerprint.
 */
public enum SettingName {

    HEARTBEAT_INTERVAL("platformSettingHeartbeatInterval", "10 Minutes", false),
    MISSED_HEARTBEAT_THRESHOLD("platformSettingHeartbeatMissedAlertThreshold", "2", true),
    CLOCK_CHANGE_THRESHOLD("platformSettingHeartbeatLocalTimeShiftAlertThreshold", "Unlimited", false),
    INACTIVE_VM_OFFLINE_ALERT("platformSettingHeartbeatInactiveVmOfflineAlertEnabled", "false", true),
    COMMUNICATIONS_DIRECTION("platformSettingAgentCommunicationsDirection", "Bidirectional", false),
    LISTENING_PORT_ALLOWED_SOURCES("firewallSettingAgentListeningPortAllowedSources", "Any", false);

    private final String apiName;
    private final String defaultValue;
    private final boolean managerOnly;

    SettingName(String apiName, String defaultValue, boolean managerOnly) {
        this.apiName = apiName;
        this.defaultValue = defaultValue;
        this.managerOnly = managerOnly;
    }

    /** The DSM name used in the REST API and in events. */
    public String apiName() {
        return apiName;
    }

    /** The Base Policy default (docs/settings.md), normalised. */
    public String defaultValue() {
        return defaultValue;
    }

    public boolean managerOnly() {
        return managerOnly;
    }

    public static Optional<SettingName> byApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }

    /** Parses, checks and normalises a value of this setting; throws {@link InvalidSettingException}. */
    public String normalise(String value) {
        return SettingValues.normalise(this, value);
    }
}
