package io.vigil.policy.setting;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing, range checks and normalisation of every setting's DSM string value (docs/settings.md). */
public final class SettingValues {

    public static final String UNLIMITED = "Unlimited";
    public static final String BIDIRECTIONAL = "Bidirectional";
    public static final String MANAGER_INITIATED = "Manager Initiated";
    public static final String AGENT_INITIATED = "Agent/Appliance Initiated";
    public static final List<String> DIRECTIONS = List.of(BIDIRECTIONAL, MANAGER_INITIATED, AGENT_INITIATED);

    static final long DAY_SECONDS = 24 * 3600;
    private static final Pattern SMALL_NUMBER = Pattern.compile("^\\d{1,9}$");

    private SettingValues() {
    }

    public static String allowed(SettingName setting) {
        return switch (setting) {
            case HEARTBEAT_INTERVAL ->
                    "a duration from 1 Second to 24 Hours, such as \"30 Seconds\", \"10 Minutes\" or \"2 Hours\"";
            case MISSED_HEARTBEAT_THRESHOLD -> "\"0\" to \"100\", or \"Unlimited\"";
            case CLOCK_CHANGE_THRESHOLD ->
                    "a duration from 10 Seconds to 24 Hours, such as \"30 Seconds\" or \"1 Hour\", or \"Unlimited\"";
            case INACTIVE_VM_OFFLINE_ALERT -> "\"true\" or \"false\"";
            case COMMUNICATIONS_DIRECTION -> "\"Bidirectional\", \"Manager Initiated\" or \"Agent/Appliance Initiated\"";
            case LISTENING_PORT_ALLOWED_SOURCES -> "\"Any\", or a comma-separated list of IPv4 and IPv6 addresses, "
                    + "CIDR blocks and MAC addresses (at most " + SourceList.MAX_ENTRIES + ")";
        };
    }

    public static String normalise(SettingName setting, String value) {
        if (value == null) {
            throw invalid(setting, null, "a value is required");
        }
        String trimmed = value.strip();
        return switch (setting) {
            case HEARTBEAT_INTERVAL -> duration(setting, value, 1);
            case MISSED_HEARTBEAT_THRESHOLD -> threshold(setting, value, trimmed);
            case CLOCK_CHANGE_THRESHOLD ->
                    trimmed.equalsIgnoreCase(UNLIMITED) ? UNLIMITED : duration(setting, value, 10);
            case INACTIVE_VM_OFFLINE_ALERT -> bool(setting, value, trimmed);
            case COMMUNICATIONS_DIRECTION -> direction(setting, value, trimmed);
            case LISTENING_PORT_ALLOWED_SOURCES -> sources(setting, value);
        };
    }

    private static String duration(SettingName setting, String value, long minSeconds) {
        long seconds = Durations.parseSeconds(value);
        if (seconds < 0) {
            throw invalid(setting, value, "not a duration");
        }
        if (seconds < minSeconds || seconds > DAY_SECONDS) {
            throw invalid(setting, value, "out of range");
        }
        return Durations.format(seconds);
    }

    private static String threshold(SettingName setting, String value, String trimmed) {
        if (trimmed.equalsIgnoreCase(UNLIMITED)) {
            return UNLIMITED;
        }
        if (!SMALL_NUMBER.matcher(trimmed).matches()) {
            throw invalid(setting, value, "not a number of heartbeats");
        }
        int n = Integer.parseInt(trimmed);
        if (n > 100) {
            throw invalid(setting, value, "out of range");
        }
        return Integer.toString(n);
    }

    private static String bool(SettingName setting, String value, String trimmed) {
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
        throw invalid(setting, value, "not a boolean");
    }

    private static String direction(SettingName setting, String value, String trimmed) {
        String collapsed = trimmed.replaceAll("\\s+", " ");
        return DIRECTIONS.stream().filter(d -> d.equalsIgnoreCase(collapsed)).findFirst()
                .orElseThrow(() -> invalid(setting, value, "not a communication direction"));
    }

    private static String sources(SettingName setting, String value) {
        try {
            return SourceList.parse(value).text();
        } catch (IllegalArgumentException e) {
            throw invalid(setting, value, e.getMessage());
        }
    }

    static InvalidSettingException invalid(SettingName setting, String value, String reason) {
        return new InvalidSettingException(setting.apiName(), value, reason, allowed(setting));
    }
}
