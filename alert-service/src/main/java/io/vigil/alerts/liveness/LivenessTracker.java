package io.vigil.alerts.liveness;

import io.vigil.alerts.clock.ClockChangeRule;
import io.vigil.alerts.clock.ClockShift;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The liveness and clock-change rules for the computers of one Kafka partition. Inputs arrive in log order;
 * {@link #judge(long, List)} is called with a time up to which everything received has been read (the watermark)
 * and only then turns passed deadlines into misses. No periodic pass: only computers whose deadline has passed are
 * touched, in deadline order ({@link DeadlineHeap}).
 */
public final class LivenessTracker {

    private final Map<Long, ComputerState> computers = new HashMap<>();
    private final HeldAlerts held = new HeldAlerts();
    private final Set<Long> deactivated = new HashSet<>();
    private final DeadlineHeap deadlines = new DeadlineHeap();
    private final LivenessSettings defaults;
    private final SettingsChanges settingsChanges;
    private final long snapshotHorizon;
    private int silent;

    /** A tracker that keeps no snapshots (rule tests). */
    public LivenessTracker(LivenessSettings defaults) {
        this(defaults, -1);
    }

    /**
     * @param snapshotHorizonMillis a heartbeat whose first deadline lies further ahead than this is snapshotted (so its
     *                              silence outlives the rebuild window); negative: no snapshots at all
     */
    public LivenessTracker(LivenessSettings defaults, long snapshotHorizonMillis) {
        this.defaults = defaults;
        this.settingsChanges = new SettingsChanges(deadlines);
        this.snapshotHorizon = snapshotHorizonMillis;
    }

    private void snapshot(ComputerState state, List<Outcome> out) {
        if (snapshotHorizon >= 0) {
            out.add(new Outcome.Snapshot(state.id, ComputerSnapshot.of(state)));
        }
    }

    /**
     * A snapshot read back from the log: applied when it knows a later heartbeat than this tracker (after a restart,
     * the only trace of a silence older than the rebuild window).
     */
    public void restore(ComputerSnapshot snapshot) {
        if (deactivated.contains(snapshot.computerID())) {
            return;
        }
        ComputerState state = computers.computeIfAbsent(snapshot.computerID(), id -> new ComputerState(id, defaults));
        if (state.hasHeartbeat() && snapshot.lastHeartbeatAt() <= state.lastHeartbeatAt) {
            return;
        }
        int before = state.missed;
        snapshot.restoreInto(state);
        held.forget(snapshot.computerID());
        silent += (state.missed > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        deadlines.schedule(state);
    }

    /** Computers tracked (known from a heartbeat, a configuration or a registration). */
    public int size() {
        return computers.size();
    }

    /** Computers that have missed at least one heartbeat (kept up to date, not counted). */
    public int silent() {
        return silent;
    }

    /**
     * An offline alert this tracker decided was not raised (a platform-outage holds per-computer alerts back): the
     * computer stays offline, is not alerted again while held, and its alert is raised by {@link #releaseWithheld}
     * unless it is heard from first.
     */
    public void withhold(Outcome.OfflineAlert alert) {
        held.hold(computers.get(alert.computerID()), alert);
    }

    /** Whether offline alerts are held back here. */
    public boolean withholding() {
        return held.any();
    }

    /**
     * Per-computer alerts are held back (again): the held computers' allowances start when they are allowed.
     *
     * @param platformOutage whether a platform-outage is active, not only suspected: only then do the held computers
     *                       get an allowance
     */
    public void keepWithheld(boolean platformOutage) {
        held.suspend(platformOutage);
    }

    /**
     * Per-computer alerts are allowed at {@code now} (broker time): a held computer gets its allowance from the first
     * such call, and its held-back alert is raised once that has ended by {@code upTo} (everything received before it
     * has been read) and it is still silent since the same heartbeat ({@link HeldAlerts}).
     */
    public void releaseWithheld(long now, long upTo, List<Outcome> out) {
        held.release(computers, now, upTo, out);
    }

    /** The earliest pending deadline, or {@link Long#MAX_VALUE} when none. */
    public long nextDeadline() {
        ComputerState first = deadlines.peek();
        return first == null ? Long.MAX_VALUE : first.deadline;
    }

    /**
     * A heartbeat received (broker append time) at {@code receivedAt}.
     *
     * @param clockChanges the 5004 events it carries
     */
    public void heartbeat(long computerID, long receivedAt, String agentTime,
                          List<ClockChangeRule.Reported> clockChanges, List<Outcome> out) {
        if (deactivated.contains(computerID)) {
            return;
        }
        ComputerState state = computers.computeIfAbsent(computerID, id -> new ComputerState(id, defaults));
        if (state.hasHeartbeat() && receivedAt <= state.lastHeartbeatAt) {
            return; // a duplicate delivery or replay of what was already applied
        }
        long agentMillis = ClockChangeRule.parseAgentTime(agentTime);
        long previousReceived = state.hasHeartbeat() ? state.lastHeartbeatAt : ClockChangeRule.UNKNOWN;
        ClockChangeRule.AgentTime previous = new ClockChangeRule.AgentTime(state.lastAgentTime, state.lastAgentText);
        ClockChangeRule.AgentTime current = new ClockChangeRule.AgentTime(agentMillis, agentTime);
        if (state.settingsKnown) {
            List<ClockShift> shifts = ClockChangeRule.judge(state.clockThreshold, previous, previousReceived, current,
                    receivedAt, clockChanges);
            if (!shifts.isEmpty()) {
                out.add(new Outcome.ClockChangeDetected(computerID, state.hostName, shifts.getLast(), shifts.size()));
            }
        } else {
            state.unjudged = UnjudgedClockChanges.keep(state.unjudged, previous, previousReceived, current, receivedAt,
                    clockChanges);
        }
        boolean endsSilence = state.missed > 0;
        if (state.hasHeartbeat()) {
            heardFromAgain(state, receivedAt, out);
        }
        held.forget(computerID);
        state.lastHeartbeatAt = receivedAt;
        state.lastAgentTime = agentMillis;
        boolean mayBeJudged = state.clockThreshold >= 0 || !state.settingsKnown;
        state.lastAgentText = mayBeJudged && agentMillis != ClockChangeRule.UNKNOWN ? agentTime : null;
        state.missed = 0;
        state.alertRaised = false;
        state.offlineAnnounced = false;
        state.interval = state.configuredInterval;
        state.threshold = state.configuredThreshold;
        state.suppressed = state.configuredSuppression();
        state.deadline = state.nextDeadline();
        deadlines.schedule(state);
        if (endsSilence || state.deadline - receivedAt > snapshotHorizon) {
            snapshot(state, out);
        }
    }

    private void heardFromAgain(ComputerState state, long receivedAt, List<Outcome> out) {
        long offlineDeadline = Deadlines.missedAt(state.lastHeartbeatAt, state.interval, state.offlineAt());
        boolean late = receivedAt > offlineDeadline;
        if (state.missed > 0) {
            silent--;
        }
        if (state.missed > 0 || late) {
            out.add(new Outcome.LivenessUpdate(state.id, 0, false, receivedAt, receivedAt, false));
        }
        if (state.alertRaised || late) {
            out.add(new Outcome.OfflineCleared(state.id, state.lastHeartbeatAt, receivedAt, receivedAt,
                    "reconnected"));
        }
    }

    /** The computer's effective settings changed; null: it has none any more (contract defaults apply). */
    public void settings(long computerID, LivenessSettings settings, long at, List<Outcome> out) {
        if (deactivated.contains(computerID)) {
            return;
        }
        ComputerState state = computers.computeIfAbsent(computerID, id -> new ComputerState(id, defaults));
        settingsChanges.apply(state, settings == null ? defaults : settings, at, out);
        if (!state.settingsKnown) {
            state.settingsKnown = true;
            judgeHeardBeforeSettings(state, out);
        }
        snapshotWaitingChange(state, out);
    }

    /** The 5004 events that came before the computer's first settings, judged with them ({@link UnjudgedClockChanges}). */
    private static void judgeHeardBeforeSettings(ComputerState state, List<Outcome> out) {
        if (state.unjudged != null) {
            List<ClockShift> shifts = state.unjudged.judge(state.clockThreshold);
            state.unjudged = null;
            if (!shifts.isEmpty()) {
                out.add(new Outcome.ClockChangeDetected(state.id, state.hostName, shifts.getLast(), shifts.size()));
            }
        }
    }

    private void snapshotWaitingChange(ComputerState state, List<Outcome> out) {
        if (state.waitsForNextHeartbeat()) {
            snapshot(state, out);
        }
    }

    /** The registry's view changed: host name and VM state; deactivated computers are forgotten. */
    public void registration(long computerID, String hostName, boolean vmStopped, boolean isDeactivated, long at,
                             List<Outcome> out) {
        if (isDeactivated) {
            ComputerState state = computers.remove(computerID);
            deactivated.add(computerID);
            held.forget(computerID);
            if (state != null) {
                deadlines.remove(state);
                if (state.missed > 0) {
                    silent--;
                }
                if (state.alertRaised) {
                    out.add(new Outcome.OfflineCleared(computerID, state.lastHeartbeatAt, -1, at, "deactivated"));
                }
                if (snapshotHorizon >= 0 && state.hasHeartbeat()) {
                    out.add(new Outcome.Snapshot(computerID, null));
                }
            }
            return;
        }
        deactivated.remove(computerID);
        ComputerState state = computers.computeIfAbsent(computerID, id -> new ComputerState(id, defaults));
        state.hostName = hostName;
        settingsChanges.vmState(state, vmStopped);
        snapshotWaitingChange(state, out);
    }

    /**
     * Judges every deadline at or before {@code upTo}: everything received before it has been read. A computer whose
     * next deadline cannot lie after {@code upTo} (a receive time at the edge of the time line) waits for its next
     * heartbeat instead of being judged again and again.
     */
    public void judge(long upTo, List<Outcome> out) {
        ComputerState state;
        while ((state = deadlines.peek()) != null && state.deadline <= upTo) {
            miss(state, upTo, out);
            if (state.deadline <= upTo) {
                deadlines.remove(state);
            }
        }
    }

    private void miss(ComputerState state, long upTo, List<Outcome> out) {
        int previous = state.missed;
        if (previous == 0) {
            silent++;
        }
        boolean wasOffline = state.offline();
        int next = previous == Integer.MAX_VALUE ? previous : previous + 1;
        state.missed = Math.max(next, Deadlines.missedBy(state.lastHeartbeatAt, state.interval, upTo));
        boolean offline = wasOffline || state.offline();
        state.offlineAnnounced = offline;
        out.add(new Outcome.LivenessUpdate(state.id, state.missed, offline, state.lastHeartbeatAt, upTo,
                previous == 0));
        if (offline && !state.alertRaised && !state.suppressed && state.threshold != LivenessSettings.UNLIMITED
                && !held.holds(state)) {
            state.alertRaised = true;
            long deadline = Deadlines.missedAt(state.lastHeartbeatAt, state.interval, state.offlineAt());
            out.add(new Outcome.OfflineAlert(state.id, state.hostName, state.lastHeartbeatAt, deadline, upTo,
                    state.missed, state.interval, state.threshold));
        }
        state.deadline = state.nextDeadline();
        deadlines.schedule(state);
        snapshot(state, out);
    }
}
