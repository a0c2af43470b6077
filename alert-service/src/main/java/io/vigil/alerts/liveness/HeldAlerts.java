package io.vigil.alerts.liveness;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Offline alerts held back while per-computer alerts are not allowed (a platform-outage), never dropped: per computer,
 * the last heartbeat of the silence whose alert was not raised.
 * <p>
 * When alerts are allowed again after a platform-outage a held computer is not alerted at once: whatever kept the
 * fleet from the platform kept it away too, and a fleet comes back from that over a while. It gets the time a computer
 * heard from at that moment would have before counting as offline ({@link #allowanceEnd}), and is alerted only if it
 * is still silent since the same heartbeat when that has passed, with the deadline at which it really went offline. A
 * computer heard from meanwhile (or forgotten, or now Unlimited or suppressed) gets none. Should alerts be held back
 * again first, its allowance starts over when they are allowed again. Alerts held back only while an outage was
 * suspected, and none followed, get no allowance: the platform's view of those computers stands.
 */
final class HeldAlerts {

    /** A held silence whose allowance, counted from {@code from}, ends at {@code end}. */
    private record Allowance(long computerID, long lastHeartbeatAt, long from, long end) {
    }

    private final Map<Long, Long> held = new HashMap<>();
    private final PriorityQueue<Allowance> allowances = new PriorityQueue<>(Comparator.comparingLong(Allowance::end));
    private long allowedFrom = ComputerState.NONE;
    private boolean afterOutage;

    /** The end of a held computer's allowance counted from {@code from}: its offline deadline as if heard from then. */
    private long allowanceEnd(ComputerState state, long from) {
        return afterOutage ? Deadlines.missedAt(from, state.interval, state.offlineAt()) : from;
    }

    void hold(ComputerState state, Outcome.OfflineAlert alert) {
        if (state != null && state.lastHeartbeatAt == alert.lastHeartbeatAt() && state.alertRaised) {
            state.alertRaised = false;
            held.put(alert.computerID(), alert.lastHeartbeatAt());
            if (allowedFrom != ComputerState.NONE) {
                allow(state.id, state.lastHeartbeatAt, state, Math.max(allowedFrom, alert.judgedAt()));
            }
        }
    }

    /** Whether the computer's current silence is held back (it is not alerted again while it is). */
    boolean holds(ComputerState state) {
        return Objects.equals(held.get(state.id), state.lastHeartbeatAt);
    }

    boolean any() {
        return !held.isEmpty();
    }

    /** The computer was heard from or forgotten: none of its silences is held any more. */
    void forget(long computerID) {
        if (held.remove(computerID) != null && held.isEmpty()) {
            reset();
        }
    }

    /**
     * Per-computer alerts are held back (again), by an active platform-outage or one only suspected so far: no
     * allowance runs until they are allowed.
     */
    void suspend(boolean platformOutage) {
        allowedFrom = ComputerState.NONE;
        allowances.clear();
        afterOutage |= platformOutage;
    }

    private void reset() {
        suspend(false);
        afterOutage = false;
    }

    /**
     * Per-computer alerts are allowed: held computers whose allowance has not begun get theirs from {@code now}; those
     * whose allowance has ended by {@code upTo} (everything received before it has been read) are alerted.
     */
    void release(Map<Long, ComputerState> computers, long now, long upTo, List<Outcome> out) {
        if (allowedFrom == ComputerState.NONE) {
            allowedFrom = now;
            held.forEach((id, last) -> allow(id, last, computers.get(id), now));
        }
        while (!allowances.isEmpty() && allowances.peek().end() <= upTo) {
            Allowance next = allowances.poll();
            if (!Objects.equals(held.get(next.computerID()), next.lastHeartbeatAt())) {
                continue; // heard from, forgotten or already released
            }
            ComputerState state = computers.get(next.computerID());
            if (!stillOfflineSince(state, next.lastHeartbeatAt())) {
                held.remove(next.computerID()); // its own rules judge it from here
            } else if (allowanceEnd(state, next.from()) > upTo) {
                allow(next.computerID(), next.lastHeartbeatAt(), state, next.from()); // its settings give it longer now
            } else {
                held.remove(next.computerID());
                raise(state, upTo, out);
            }
        }
        if (held.isEmpty()) {
            reset();
        }
    }

    /** Starts the allowance of a held silence; a computer no longer tracked is let go at once. */
    private void allow(long computerID, long lastHeartbeatAt, ComputerState state, long from) {
        long end = state == null ? from : allowanceEnd(state, from);
        allowances.add(new Allowance(computerID, lastHeartbeatAt, from, end));
    }

    private static boolean stillOfflineSince(ComputerState state, long lastHeartbeatAt) {
        return state != null && state.lastHeartbeatAt == lastHeartbeatAt && state.offline() && !state.alertRaised
                && !state.suppressed && state.threshold != LivenessSettings.UNLIMITED;
    }

    private static void raise(ComputerState state, long at, List<Outcome> out) {
        state.alertRaised = true;
        out.add(new Outcome.OfflineAlert(state.id, state.hostName, state.lastHeartbeatAt,
                Deadlines.missedAt(state.lastHeartbeatAt, state.interval, state.offlineAt()), at, state.missed,
                state.interval, state.threshold));
    }
}
