package io.vigil.alerts.liveness;

import io.vigil.alerts.liveness.Outcome.LivenessUpdate;
import io.vigil.alerts.liveness.Outcome.OfflineAlert;
import io.vigil.alerts.liveness.Outcome.OfflineCleared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.vigil.alerts.liveness.TrackerFixture.T0;
import static io.vigil.alerts.liveness.TrackerFixture.only;
import static io.vigil.alerts.liveness.TrackerFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

class MissedHeartbeatRuleTest {

    private final TrackerFixture f = new TrackerFixture();

    @ParameterizedTest(name = "I={0}s N={1}: offline exactly at last+(N+1)I+G")
    @CsvSource({"60,2", "60,0", "600,2", "10,5", "1,1", "300,100"})
    void alertAtTheNPlusOneDeadlineNeverBefore(int interval, int threshold) {
        f.configure(settings(interval, threshold), T0);
        f.heartbeat(T0);
        long deadline = T0 + (threshold + 1L) * interval * 1000 + Deadlines.graceMillis(interval);
        List<Outcome> before = f.judge(deadline - 1);
        assertThat(only(before, OfflineAlert.class)).isEmpty();
        assertThat(only(before, LivenessUpdate.class)).allMatch(u -> !u.offline());
        List<Outcome> at = f.judge(deadline);
        assertThat(only(at, OfflineAlert.class)).singleElement().satisfies(alert -> {
            assertThat(alert.deadline()).isEqualTo(deadline);
            assertThat(alert.lastHeartbeatAt()).isEqualTo(T0);
            assertThat(alert.missedHeartbeats()).isEqualTo(threshold + 1);
        });
        assertThat(only(at, LivenessUpdate.class)).singleElement()
                .satisfies(u -> assertThat(u.offline()).isTrue())
                .satisfies(u -> assertThat(u.missedHeartbeats()).isEqualTo(threshold + 1));
    }

    @Test
    void eachMissedHeartbeatAroundTheGraceIsCounted() {
        f.configure(settings(60, 2), T0);
        f.heartbeat(T0);
        assertThat(f.judge(T0 + 65_999)).isEmpty();
        assertThat(only(f.judge(T0 + 66_000), LivenessUpdate.class)).singleElement()
                .isEqualTo(new LivenessUpdate(42, 1, false, T0, T0 + 66_000, true));
        assertThat(f.judge(T0 + 125_999)).isEmpty();
        assertThat(only(f.judge(T0 + 126_000), LivenessUpdate.class)).singleElement()
                .isEqualTo(new LivenessUpdate(42, 2, false, T0, T0 + 126_000, false));
        assertThat(f.judge(T0 + 185_999)).isEmpty();
        List<Outcome> third = f.judge(T0 + 186_000);
        assertThat(only(third, LivenessUpdate.class)).singleElement()
                .isEqualTo(new LivenessUpdate(42, 3, true, T0, T0 + 186_000, false));
        assertThat(only(third, OfflineAlert.class)).hasSize(1);
    }

    @Test
    void zeroAlertsAtTheFirstMiss() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        assertThat(f.judge(T0 + 65_999)).isEmpty();
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void unlimitedNeverAlertsButIsOfflineAtTheFirstMiss() {
        f.configure(settings(60, LivenessSettings.UNLIMITED), T0);
        f.heartbeat(T0);
        assertThat(f.judge(T0 + 65_999)).isEmpty();
        assertThat(f.judge(T0 + 66_000)).containsExactly(new LivenessUpdate(42, 1, true, T0, T0 + 66_000, true));
        List<Outcome> later = f.judge(T0 + 100L * 24 * 3600 * 1000);
        assertThat(only(later, OfflineAlert.class)).isEmpty();
        assertThat(only(later, LivenessUpdate.class)).allMatch(LivenessUpdate::offline);
    }

    @Test
    void aHeartbeatBeforeTheDeadlinePostponesIt() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        f.heartbeat(T0 + 60_000);
        assertThat(f.judge(T0 + 125_999)).isEmpty();
        assertThat(only(f.judge(T0 + 126_000), OfflineAlert.class)).singleElement()
                .satisfies(a -> assertThat(a.lastHeartbeatAt()).isEqualTo(T0 + 60_000));
    }

    @Test
    void unknownComputerUsesContractDefaults() {
        f.heartbeat(T0);
        long deadline = T0 + 3 * 600_000 + 30_000;
        assertThat(only(f.judge(deadline - 1), OfflineAlert.class)).isEmpty();
        assertThat(only(f.judge(deadline), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void clearsItselfAtTheNextHeartbeatWithTheReconnectAndCanAlertAgain() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        f.judge(T0 + 66_000);
        long back = T0 + 200_000;
        List<Outcome> heard = f.heartbeat(back);
        assertThat(heard).containsExactlyInAnyOrder(
                new LivenessUpdate(42, 0, false, back, back, false),
                new OfflineCleared(42, T0, back, back, "reconnected"));
        assertThat(f.judge(back + 65_999)).isEmpty();
        assertThat(only(f.judge(back + 66_000), OfflineAlert.class)).singleElement()
                .satisfies(a -> assertThat(a.lastHeartbeatAt()).isEqualTo(back));
    }

    @Test
    void backAfterMissesWithoutAlertIsAnnouncedOnlineWithoutClearing() {
        f.configure(settings(60, 2), T0);
        f.heartbeat(T0);
        f.judge(T0 + 70_000);
        assertThat(f.heartbeat(T0 + 80_000)).containsExactly(
                new LivenessUpdate(42, 0, false, T0 + 80_000, T0 + 80_000, false));
    }

    @Test
    void oneAlertPerSilenceAndTheCountGoesOn() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).hasSize(1);
        List<Outcome> later = f.judge(T0 + 126_000);
        assertThat(only(later, OfflineAlert.class)).isEmpty();
        assertThat(only(later, LivenessUpdate.class)).singleElement()
                .isEqualTo(new LivenessUpdate(42, 2, true, T0, T0 + 126_000, false));
    }

    @Test
    void catchingUpJudgesOnceWithTheDeadlineOfHeartbeatNPlusOne() {
        f.configure(settings(60, 2), T0);
        f.heartbeat(T0);
        List<Outcome> out = f.judge(T0 + 3_600_000);
        assertThat(only(out, LivenessUpdate.class)).singleElement()
                .satisfies(u -> assertThat(u.missedHeartbeats()).isEqualTo(59));
        assertThat(only(out, OfflineAlert.class)).singleElement()
                .satisfies(a -> assertThat(a.deadline()).isEqualTo(T0 + 186_000));
    }

    @Test
    void aHeartbeatArrivingAfterAnUnjudgedDeadlineClearsWhatAnEarlierRunMayHaveRaised() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        long back = T0 + 100_000;
        assertThat(f.heartbeat(back)).containsExactlyInAnyOrder(
                new LivenessUpdate(42, 0, false, back, back, false),
                new OfflineCleared(42, T0, back, back, "reconnected"));
    }

    @Test
    void duplicateHeartbeatsAreIgnored() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0 + 10_000);
        assertThat(f.heartbeat(T0 + 10_000)).isEmpty();
        assertThat(f.heartbeat(T0)).isEmpty();
        assertThat(only(f.judge(T0 + 76_000), OfflineAlert.class)).singleElement()
                .satisfies(a -> assertThat(a.lastHeartbeatAt()).isEqualTo(T0 + 10_000));
    }

    @Test
    void aComputerNeverHeardFromHasNoDeadline() {
        f.configure(settings(1, 0), T0);
        f.register(false, false, T0);
        assertThat(f.judge(T0 + 1_000_000)).isEmpty();
        assertThat(f.tracker.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void deactivatedComputersAreForgottenAndTheirAlertCleared() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        f.judge(T0 + 66_000);
        assertThat(f.register(false, true, T0 + 70_000))
                .containsExactly(new OfflineCleared(42, T0, -1, T0 + 70_000, "deactivated"));
        assertThat(f.tracker.size()).isZero();
        assertThat(f.heartbeat(T0 + 80_000)).isEmpty();
        assertThat(f.tracker.size()).isZero();
        assertThat(f.judge(T0 + 10_000_000)).isEmpty();
    }

    @Test
    void reactivationTracksAgain() {
        f.register(false, true, T0);
        f.register(false, false, T0 + 1);
        f.configure(settings(60, 0), T0 + 2);
        f.heartbeat(T0 + 3);
        assertThat(only(f.judge(T0 + 3 + 66_000), OfflineAlert.class)).singleElement()
                .satisfies(a -> assertThat(a.hostName()).isEqualTo("web-01"));
    }
}
