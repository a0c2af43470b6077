package io.vigil.alerts.liveness;

import io.vigil.alerts.clock.ClockChangeRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives a {@link LivenessTracker} in tests and collects its outcomes. */
final class TrackerFixture {

    static final long ID = 42;
    static final long T0 = 1_764_000_000_000L;

    final LivenessTracker tracker;

    TrackerFixture() {
        this(LivenessSettings.CONTRACT_DEFAULTS);
    }

    TrackerFixture(LivenessSettings defaults) {
        tracker = new LivenessTracker(defaults);
    }

    static LivenessSettings settings(int interval, int threshold) {
        return new LivenessSettings(interval, threshold, LivenessSettings.UNLIMITED, false);
    }

    List<Outcome> configure(LivenessSettings settings, long at) {
        List<Outcome> out = new ArrayList<>();
        tracker.settings(ID, settings, at, out);
        return out;
    }

    List<Outcome> heartbeat(long receivedAt) {
        return heartbeat(receivedAt, Instant.ofEpochMilli(receivedAt).toString(), List.of());
    }

    List<Outcome> heartbeat(long receivedAt, String agentTime, List<ClockChangeRule.Reported> reported) {
        List<Outcome> out = new ArrayList<>();
        tracker.heartbeat(ID, receivedAt, agentTime, reported, out);
        return out;
    }

    List<Outcome> register(boolean vmStopped, boolean deactivated, long at) {
        List<Outcome> out = new ArrayList<>();
        tracker.registration(ID, "web-01", vmStopped, deactivated, at, out);
        return out;
    }

    List<Outcome> judge(long upTo) {
        List<Outcome> out = new ArrayList<>();
        tracker.judge(upTo, out);
        return out;
    }

    static <T extends Outcome> List<T> only(List<Outcome> outcomes, Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
