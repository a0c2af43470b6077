package io.vigil.alerts.alert;

import java.util.Optional;

/**
 * What a new judgement does to the stored alerts of one computer and type, so that replays after a crash, a restart
 * or a rebalance never raise an alert twice. Plain rules over a small view of the stored alerts.
 */
public final class AlertRules {

    /** What to do. */
    public enum Action { RAISE, UPDATE, CLEAR, DISMISS, NOTHING }

    /**
     * The stored alert that matters for a decision.
     *
     * @param episode          for agent-offline the receive time of the last heartbeat before the silence
     * @param lastOccurrenceAt epoch ms
     */
    public record Stored(long id, AlertState state, long episode, long lastOccurrenceAt) {
    }

    private AlertRules() {
    }

    /**
     * agent-offline for the silence after {@code lastHeartbeatAt}: raised once per silence; a silence whose alert was
     * dismissed (or cleared) is not raised again until the computer has been heard from.
     */
    public static Action offline(boolean silenceAlreadyHasAlert) {
        return silenceAlreadyHasAlert ? Action.NOTHING : Action.RAISE;
    }

    /** The active agent-offline alert ends when the computer is heard from after its silence began. */
    public static Action clearOffline(Optional<Stored> active, long lastHeartbeatAt) {
        return active.filter(a -> a.episode() <= lastHeartbeatAt).map(a -> Action.CLEAR).orElse(Action.NOTHING);
    }

    /**
     * clock-change occurring at {@code at}: a repeat while active updates it; otherwise a new alert. An occurrence no
     * later than the latest one already recorded (for this computer, any state) is a replay and does nothing.
     */
    public static Action clockChange(Optional<Stored> active, long latestOccurrence, long at) {
        if (at <= latestOccurrence) {
            return Action.NOTHING;
        }
        return active.isPresent() ? Action.UPDATE : Action.RAISE;
    }

    /** Why a dismissal is refused, or empty when it is allowed. */
    public static Optional<String> refuseDismissal(AlertType type, AlertState state) {
        if (!type.dismissible()) {
            return Optional.of("a " + type.id() + " alert cannot be dismissed: it clears itself");
        }
        if (state != AlertState.ACTIVE) {
            return Optional.of("the alert is already " + state.id());
        }
        return Optional.empty();
    }
}
