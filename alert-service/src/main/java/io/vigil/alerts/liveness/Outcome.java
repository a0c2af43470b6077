package io.vigil.alerts.liveness;

import io.vigil.alerts.clock.ClockShift;

/** What the liveness and clock-change rules decided; adapters turn these into events and alert transitions. */
public sealed interface Outcome {

    long computerID();

    /**
     * The missed-heartbeat count or offline flag changed (published as {@code LivenessChanged}).
     *
     * @param firstMiss true when the computer had missed none before this judgement
     */
    record LivenessUpdate(long computerID, int missedHeartbeats, boolean offline, long lastHeartbeatAt,
                          long judgedAt, boolean firstMiss) implements Outcome {
    }

    /**
     * Raise {@code agent-offline}: heartbeat N+1 after {@code lastHeartbeatAt} was missed at {@code deadline}.
     * {@code lastHeartbeatAt} identifies the silence: at most one alert per computer and silence.
     */
    record OfflineAlert(long computerID, String hostName, long lastHeartbeatAt, long deadline, long judgedAt,
                        int missedHeartbeats, int intervalSeconds, int missedThreshold) implements Outcome {
    }

    /**
     * End an active {@code agent-offline} alert of a silence that began at or before {@code lastHeartbeatAt}.
     *
     * @param reason      {@code reconnected}, {@code unlimited} or {@code deactivated}
     * @param reconnectAt the receive time of the heartbeat that ended the silence, or -1
     */
    record OfflineCleared(long computerID, long lastHeartbeatAt, long reconnectAt, long at, String reason)
            implements Outcome {
    }

    /**
     * Raise or repeat {@code clock-change}: {@code occurrences} changes in one heartbeat (each 5004 event counts),
     * {@code shift} the last of them.
     */
    record ClockChangeDetected(long computerID, String hostName, ClockShift shift, int occurrences)
            implements Outcome {

        public ClockChangeDetected(long computerID, String hostName, ClockShift shift) {
            this(computerID, hostName, shift, 1);
        }
    }

    /** Keep this computer's state (or forget it: {@code snapshot} null) on the liveness snapshot topic. */
    record Snapshot(long computerID, ComputerSnapshot snapshot) implements Outcome {
    }
}
