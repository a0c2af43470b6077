package io.vigil.agent.clock;

import io.vigil.agent.heartbeat.AgentLogEvent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Windows agents report a change of their clock themselves with event 5004 ("Clock changed") when the change is
 * larger than the configuration's {@code clockChangeThresholdSeconds}; under Unlimited ({@code null}) and on other
 * platforms they report nothing (the manager then sees the change only by comparing agent times).
 */
public final class ClockEvents {

    public static final int CLOCK_CHANGED = 5004;

    private ClockEvents() {
    }

    public static boolean isWindows(String platform) {
        return platform != null && platform.trim().toLowerCase().startsWith("windows");
    }

    /** The event 5004 for this change, if the platform and threshold call for one. */
    public static Optional<AgentLogEvent> forChange(ClockChange change, String platform, Long thresholdSeconds) {
        if (!isWindows(platform) || thresholdSeconds == null || Math.abs(change.changeSeconds()) <= thresholdSeconds) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("previousTime", Rfc3339.format(change.previousTime()));
        data.put("changeSeconds", change.changeSeconds());
        return Optional.of(new AgentLogEvent(CLOCK_CHANGED, Rfc3339.format(change.newTime()), "Clock changed", data));
    }
}
