package io.vigil.alerts.alert;

import io.vigil.alerts.alert.AlertRules.Action;
import io.vigil.alerts.alert.AlertRules.Stored;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    private static final Stored ACTIVE = new Stored(1, AlertState.ACTIVE, 1_000, 5_000);

    @Test
    void offlineIsRaisedOncePerSilenceEvenAfterDismissal() {
        assertThat(AlertRules.offline(false)).isEqualTo(Action.RAISE);
        assertThat(AlertRules.offline(true)).isEqualTo(Action.NOTHING);
    }

    @Test
    void offlineClearsOnlyForAHeartbeatAfterItsSilenceBegan() {
        assertThat(AlertRules.clearOffline(Optional.of(ACTIVE), 1_000)).isEqualTo(Action.CLEAR);
        assertThat(AlertRules.clearOffline(Optional.of(ACTIVE), 2_000)).isEqualTo(Action.CLEAR);
        assertThat(AlertRules.clearOffline(Optional.of(ACTIVE), 999)).isEqualTo(Action.NOTHING);
        assertThat(AlertRules.clearOffline(Optional.empty(), 2_000)).isEqualTo(Action.NOTHING);
    }

    @Test
    void clockChangeRaisesThenRepeatsUpdate() {
        assertThat(AlertRules.clockChange(Optional.empty(), Long.MIN_VALUE, 5_000)).isEqualTo(Action.RAISE);
        assertThat(AlertRules.clockChange(Optional.of(ACTIVE), 5_000, 6_000)).isEqualTo(Action.UPDATE);
    }

    @Test
    void clockChangeDismissedThenRepeatedRaisesANewAlert() {
        assertThat(AlertRules.clockChange(Optional.empty(), 5_000, 6_000)).isEqualTo(Action.RAISE);
    }

    @Test
    void replayedClockChangeDoesNothing() {
        assertThat(AlertRules.clockChange(Optional.of(ACTIVE), 5_000, 5_000)).isEqualTo(Action.NOTHING);
        assertThat(AlertRules.clockChange(Optional.empty(), 5_000, 4_000)).isEqualTo(Action.NOTHING);
    }

    @Test
    void dismissalRules() {
        assertThat(AlertRules.refuseDismissal(AlertType.AGENT_OFFLINE, AlertState.ACTIVE)).isEmpty();
        assertThat(AlertRules.refuseDismissal(AlertType.CLOCK_CHANGE, AlertState.ACTIVE)).isEmpty();
        assertThat(AlertRules.refuseDismissal(AlertType.CLOCK_CHANGE, AlertState.DISMISSED)).hasValueSatisfying(
                reason -> assertThat(reason).contains("dismissed"));
        assertThat(AlertRules.refuseDismissal(AlertType.AGENT_OFFLINE, AlertState.CLEARED)).isPresent();
        assertThat(AlertRules.refuseDismissal(AlertType.PLATFORM_OUTAGE, AlertState.ACTIVE)).isPresent();
    }
}
