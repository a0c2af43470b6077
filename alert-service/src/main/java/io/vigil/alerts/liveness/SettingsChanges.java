package io.vigil.alerts.liveness;

import java.util.List;

/**
 * How a settings or VM-state change reaches a computer's pending deadline: it never moves it earlier. A longer
 * interval, a larger N, Unlimited and a VM stop apply at once; a shorter interval, a smaller N and a VM start apply
 * from the next heartbeat. Unlimited also clears an active offline alert and makes a silent computer offline.
 * A computer's first settings are no change: its agent has run them since its activation (the activation answer
 * carries them), so when they arrive after its first heartbeats, before any miss, its deadline is computed with
 * them at once, earlier or not (not so for a deadline restored from a snapshot: it keeps the values it was computed
 * with).
 */
final class SettingsChanges {

    private final DeadlineHeap deadlines;

    SettingsChanges(DeadlineHeap deadlines) {
        this.deadlines = deadlines;
    }

    void apply(ComputerState state, LivenessSettings settings, long at, List<Outcome> out) {
        boolean first = !state.settingsKnown;
        state.configuredInterval = settings.intervalSeconds();
        state.configuredThreshold = (short) settings.missedThreshold();
        state.clockThreshold = settings.clockThresholdSeconds();
        state.inactiveVmAlerts = settings.inactiveVmOfflineAlerts();
        if (!state.hasHeartbeat() || first && state.missed == 0 && !state.restored) {
            state.interval = state.configuredInterval;
            state.threshold = state.configuredThreshold;
            state.suppressed = state.configuredSuppression();
            if (state.hasHeartbeat()) {
                reschedule(state);
            }
            return;
        }
        boolean wasOffline = state.offline();
        if (state.configuredInterval > state.interval) {
            state.interval = state.configuredInterval;
        }
        if (state.configuredThreshold == LivenessSettings.UNLIMITED) {
            toUnlimited(state, at, wasOffline, out);
        } else if (state.threshold != LivenessSettings.UNLIMITED && state.configuredThreshold > state.threshold) {
            state.threshold = state.configuredThreshold;
        }
        state.suppressed |= state.configuredSuppression();
        reschedule(state);
    }

    private void toUnlimited(ComputerState state, long at, boolean wasOffline, List<Outcome> out) {
        state.threshold = LivenessSettings.UNLIMITED;
        if (state.alertRaised) {
            state.alertRaised = false;
            out.add(new Outcome.OfflineCleared(state.id, state.lastHeartbeatAt, -1, at, "unlimited"));
        }
        if (!wasOffline && state.offline()) {
            state.offlineAnnounced = true;
            out.add(new Outcome.LivenessUpdate(state.id, state.missed, true, state.lastHeartbeatAt, at, false));
        }
    }

    void vmState(ComputerState state, boolean stopped) {
        state.vmStopped = stopped;
        if (!state.hasHeartbeat()) {
            state.suppressed = state.configuredSuppression();
            return;
        }
        state.suppressed |= state.configuredSuppression();
    }

    private void reschedule(ComputerState state) {
        long next = state.nextDeadline();
        if (next != state.deadline) {
            state.deadline = next;
            deadlines.schedule(state);
        }
    }
}
