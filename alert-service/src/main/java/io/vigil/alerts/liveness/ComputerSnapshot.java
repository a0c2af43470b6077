package io.vigil.alerts.liveness;

/**
 * One computer's liveness state as kept on the compacted topic {@code vigil.internal.liveness-snapshots}: enough to
 * go on judging a silence after a restart or rebalance when its last heartbeat has left the rebuild window or the
 * heartbeat topic. Written when a miss is judged, when a silence ends, at every heartbeat of a computer whose next
 * deadline lies beyond half the rebuild window, and when a settings or VM-state change waits for the next heartbeat
 * (a rebuild knows only the latest settings, so it could not judge the pending silence with the values it had).
 *
 * @param lastHeartbeatAt  broker receive time of the last heartbeat
 * @param lastAgentTime    its agent time in ms, or {@code Long.MIN_VALUE} when unknown
 * @param lastAgentText    its agent time as sent, or null
 * @param missed           heartbeats judged missed since
 * @param offline          offline was announced for this silence
 * @param alertRaised      agent-offline was raised (not held back) for this silence
 * @param interval         the interval the pending deadline was computed with (seconds)
 * @param threshold        the threshold the pending deadline was computed with ({@code -1} Unlimited)
 * @param suppressed       offline alerts suppressed for this silence (stopped VM)
 */
public record ComputerSnapshot(long computerID, long lastHeartbeatAt, long lastAgentTime, String lastAgentText,
                               int missed, boolean offline, boolean alertRaised, int interval, int threshold,
                               boolean suppressed) {

    static ComputerSnapshot of(ComputerState state) {
        return new ComputerSnapshot(state.id, state.lastHeartbeatAt, state.lastAgentTime, state.lastAgentText,
                state.missed, state.offlineAnnounced, state.alertRaised, state.interval, state.threshold,
                state.suppressed);
    }

    /** Puts this state into {@code state} (which has no heartbeat or an older one). */
    void restoreInto(ComputerState state) {
        if (interval < 1 || threshold < LivenessSettings.UNLIMITED || threshold > LivenessSettings.MAX_THRESHOLD
                || missed < 0 || lastHeartbeatAt < 0) {
            throw new IllegalArgumentException("liveness snapshot out of range");
        }
        state.lastHeartbeatAt = lastHeartbeatAt;
        state.lastAgentTime = lastAgentTime;
        state.lastAgentText = lastAgentText;
        state.missed = missed;
        state.offlineAnnounced = offline;
        state.alertRaised = alertRaised;
        state.interval = interval;
        state.threshold = (short) threshold;
        state.suppressed = suppressed;
        state.restored = true;
        state.deadline = state.nextDeadline();
    }
}
