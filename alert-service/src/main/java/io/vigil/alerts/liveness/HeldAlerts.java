package io.vigil.alerts.liveness;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offline alerts held back while a platform-outage is active (never dropped): per computer, the last heartbeat of the
 * silence whose alert was not raised. Released, they are raised with the deadline at which the computer really went
 * offline; a computer heard from meanwhile (or forgotten, or now Unlimited) gets none.
 */
final class HeldAlerts {

    private final Map<Long, Long> held = new HashMap<>();

    void hold(ComputerState state, Outcome.OfflineAlert alert) {
        if (state != null && state.lastHeartbeatAt == alert.lastHeartbeatAt() && state.alertRaised) {
            state.alertRaised = false;
            held.put(alert.computerID(), alert.lastHeartbeatAt());
        }
    }

    boolean any() {
        return !held.isEmpty();
    }

    void release(Map<Long, ComputerState> computers, long at, List<Outcome> out) {
        held.forEach((id, last) -> {
            ComputerState state = computers.get(id);
            if (state != null && state.lastHeartbeatAt == last && state.offline() && !state.alertRaised
                    && !state.suppressed && state.threshold != LivenessSettings.UNLIMITED) {
                state.alertRaised = true;
                out.add(new Outcome.OfflineAlert(id, state.hostName, last,
                        Deadlines.missedAt(last, state.interval, state.offlineAt()), at, state.missed, state.interval,
                        state.threshold));
            }
        });
        held.clear();
    }
}
