package io.vigil.alerts.liveness;

import io.vigil.alerts.clock.ClockChangeRule;

/**
 * What one tracked computer costs in memory: primitives only, plus its host name. "Active" values are those the
 * pending deadline was computed with; "configured" values are the latest settings, applied to the active ones at once
 * when they move the deadline later and at the next heartbeat otherwise.
 */
final class ComputerState {

    static final long NONE = Long.MIN_VALUE;

    final long id;
    String hostName;
    long lastHeartbeatAt = NONE;
    long lastAgentTime = ClockChangeRule.UNKNOWN;
    /** The agent time as the agent wrote it, kept only while the clock-change rule judges this computer. */
    String lastAgentText;
    long deadline = NONE;
    int heapIndex = -1;

    int interval;
    int configuredInterval;
    short threshold;
    short configuredThreshold;
    int clockThreshold;
    int missed;
    boolean vmStopped;
    boolean inactiveVmAlerts;
    /** Offline alerts suppressed for the pending silence (stopped VM without inactive-VM alerts). */
    boolean suppressed;
    boolean alertRaised;
    /** Offline was announced for the pending silence: stays so until the computer is heard from. */
    boolean offlineAnnounced;
    /** The computer's own settings arrived; until then the defaults apply and its 5004 events wait in unjudged. */
    boolean settingsKnown;
    /** Its pending deadline came from a liveness snapshot (values a waiting settings change must not replace). */
    boolean restored;
    /** 5004 events heard before the computer's settings, or null. */
    UnjudgedClockChanges unjudged;

    ComputerState(long id, LivenessSettings settings) {
        this.id = id;
        this.interval = settings.intervalSeconds();
        this.configuredInterval = interval;
        this.threshold = (short) settings.missedThreshold();
        this.configuredThreshold = threshold;
        this.clockThreshold = settings.clockThresholdSeconds();
        this.inactiveVmAlerts = settings.inactiveVmOfflineAlerts();
    }

    boolean hasHeartbeat() {
        return lastHeartbeatAt != NONE;
    }

    boolean configuredSuppression() {
        return vmStopped && !inactiveVmAlerts;
    }

    /**
     * Whether the pending silence is judged with values the latest settings or VM state no longer give (a change that
     * applies from the next heartbeat): a rebuild, which knows only the latest settings, cannot derive them from the
     * replayed heartbeat.
     */
    boolean waitsForNextHeartbeat() {
        return hasHeartbeat() && (interval != configuredInterval || threshold != configuredThreshold
                || suppressed != configuredSuppression());
    }

    int offlineAt() {
        return Deadlines.offlineAt(threshold);
    }

    boolean offline() {
        return offlineAnnounced || missed >= offlineAt();
    }

    /** The deadline of the next heartbeat not yet judged missed. */
    long nextDeadline() {
        return Deadlines.missedAt(lastHeartbeatAt, interval, missed + 1);
    }
}
