package io.vigil.alerts.liveness;

import io.vigil.alerts.liveness.Outcome.LivenessUpdate;
import io.vigil.alerts.liveness.Outcome.OfflineAlert;
import io.vigil.alerts.liveness.Outcome.OfflineCleared;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vigil.alerts.liveness.TrackerFixture.T0;
import static io.vigil.alerts.liveness.TrackerFixture.only;
import static io.vigil.alerts.liveness.TrackerFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** A settings change never moves a pending deadline earlier. */
class SettingsChangeTest {

    private final TrackerFixture f = new TrackerFixture();

    private long offlineDeadline() {
        return f.tracker.nextDeadline();
    }

    @Test
    void shorterIntervalAppliesFromTheNextHeartbeat() {
        f.configure(settings(600, 0), T0);
        f.heartbeat(T0);
        f.configure(settings(60, 0), T0 + 1_000);
        assertThat(offlineDeadline()).isEqualTo(T0 + 630_000);
        assertThat(f.judge(T0 + 629_999)).isEmpty();
        f.heartbeat(T0 + 100_000);
        assertThat(offlineDeadline()).isEqualTo(T0 + 100_000 + 66_000);
    }

    @Test
    void theFirstSettingsHeardAfterAHeartbeatApplyAtOnceEvenWhenShorter() {
        // the agent runs them from its activation on (the activation answer carries them): they only reached this
        // service after its first heartbeat, and an agent that stops then is offline by them, not by the defaults
        f.heartbeat(T0);
        f.configure(settings(60, 0), T0 + 1_000);
        assertThat(offlineDeadline()).isEqualTo(T0 + 66_000);
        assertThat(only(f.judge(T0 + 65_999), OfflineAlert.class)).isEmpty();
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void aChangeAfterTheFirstSettingsHeardLateStillWaitsForTheNextHeartbeat() {
        f.heartbeat(T0);
        f.configure(settings(600, 0), T0 + 1_000);
        f.configure(settings(60, 0), T0 + 2_000);
        assertThat(offlineDeadline()).isEqualTo(T0 + 630_000);
    }

    @Test
    void longerIntervalAppliesAtOnce() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        f.configure(settings(600, 0), T0 + 1_000);
        assertThat(offlineDeadline()).isEqualTo(T0 + 630_000);
        assertThat(f.judge(T0 + 629_999)).isEmpty();
        assertThat(only(f.judge(T0 + 630_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void longerIntervalAfterMissesKeepsTheCountAndDelaysTheNextMiss() {
        f.configure(settings(60, 2), T0);
        f.heartbeat(T0);
        f.judge(T0 + 66_000);
        f.configure(settings(120, 2), T0 + 70_000);
        assertThat(offlineDeadline()).isEqualTo(T0 + 2 * 120_000 + 12_000);
    }

    @Test
    void smallerThresholdAppliesFromTheNextHeartbeat() {
        f.configure(settings(60, 3), T0);
        f.heartbeat(T0);
        f.configure(settings(60, 0), T0 + 1_000);
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).isEmpty();
        assertThat(only(f.judge(T0 + 246_000), OfflineAlert.class)).hasSize(1);
        f.heartbeat(T0 + 300_000);
        assertThat(only(f.judge(T0 + 366_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void largerThresholdAppliesAtOnce() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        f.configure(settings(60, 2), T0 + 1_000);
        assertThat(only(f.judge(T0 + 185_999), OfflineAlert.class)).isEmpty();
        assertThat(only(f.judge(T0 + 186_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void largerThresholdAfterOfflineKeepsTheComputerOfflineAndTheAlert() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        f.judge(T0 + 66_000);
        assertThat(f.configure(settings(60, 5), T0 + 70_000)).isEmpty();
        List<Outcome> next = f.judge(T0 + 126_000);
        assertThat(only(next, LivenessUpdate.class)).singleElement().satisfies(u -> assertThat(u.offline()).isTrue());
        assertThat(only(next, OfflineAlert.class)).isEmpty();
    }

    @Test
    void unlimitedAppliesAtOnceAndClearsAnActiveOfflineAlert() {
        f.configure(settings(60, 0), T0);
        f.heartbeat(T0);
        f.judge(T0 + 66_000);
        assertThat(f.configure(settings(60, LivenessSettings.UNLIMITED), T0 + 70_000))
                .containsExactly(new OfflineCleared(42, T0, -1, T0 + 70_000, "unlimited"));
        assertThat(only(f.judge(T0 + 10_000_000), OfflineAlert.class)).isEmpty();
    }

    @Test
    void unlimitedMakesASilentComputerOfflineAtOnceWithoutAlert() {
        f.configure(settings(60, 2), T0);
        f.heartbeat(T0);
        f.judge(T0 + 66_000);
        assertThat(f.configure(settings(60, LivenessSettings.UNLIMITED), T0 + 70_000))
                .containsExactly(new LivenessUpdate(42, 1, true, T0, T0 + 70_000, false));
    }

    @Test
    void fromUnlimitedToANumberAppliesFromTheNextHeartbeat() {
        f.configure(settings(60, LivenessSettings.UNLIMITED), T0);
        f.heartbeat(T0);
        f.configure(settings(60, 0), T0 + 1_000);
        assertThat(only(f.judge(T0 + 10_000_000), OfflineAlert.class)).isEmpty();
        f.heartbeat(T0 + 10_000_001);
        assertThat(only(f.judge(T0 + 10_000_001 + 66_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void shorterIntervalAndLargerThresholdTogetherKeepTheLaterOfBoth() {
        f.configure(settings(600, 0), T0);
        f.heartbeat(T0);
        f.configure(settings(60, 3), T0 + 1_000);
        assertThat(offlineDeadline()).isEqualTo(T0 + 630_000);
        assertThat(only(f.judge(T0 + 4 * 600_000 + 29_999), OfflineAlert.class)).isEmpty();
        assertThat(only(f.judge(T0 + 4 * 600_000 + 30_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void tombstoneRestoresTheDefaults() {
        f.configure(settings(60, 0), T0);
        f.configure(null, T0 + 1);
        f.heartbeat(T0 + 2);
        assertThat(offlineDeadline()).isEqualTo(T0 + 2 + 630_000);
    }

    @Test
    void clockThresholdIsOnlyConfiguration() {
        assertThat(LivenessSettings.of(60, null, null, true))
                .isEqualTo(new LivenessSettings(60, LivenessSettings.UNLIMITED, LivenessSettings.UNLIMITED, true));
        assertThat(LivenessSettings.of(60, 4, 30L, false)).isEqualTo(new LivenessSettings(60, 4, 30, false));
    }
}
