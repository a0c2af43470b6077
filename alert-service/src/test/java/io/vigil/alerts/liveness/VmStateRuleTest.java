package io.vigil.alerts.liveness;

import io.vigil.alerts.liveness.Outcome.LivenessUpdate;
import io.vigil.alerts.liveness.Outcome.OfflineAlert;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vigil.alerts.liveness.TrackerFixture.T0;
import static io.vigil.alerts.liveness.TrackerFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

/** A stopped VM alerts only when inactive-VM offline alerts are enabled; a stop applies at once, a start later. */
class VmStateRuleTest {

    private final TrackerFixture f = new TrackerFixture();

    private static LivenessSettings vmAlerts(boolean enabled) {
        return new LivenessSettings(60, 0, LivenessSettings.UNLIMITED, enabled);
    }

    @Test
    void stoppedVmWithoutInactiveVmAlertsGoesOfflineWithoutAlert() {
        f.configure(vmAlerts(false), T0);
        f.register(true, false, T0);
        f.heartbeat(T0);
        List<Outcome> out = f.judge(T0 + 66_000);
        assertThat(only(out, OfflineAlert.class)).isEmpty();
        assertThat(only(out, LivenessUpdate.class)).singleElement().satisfies(u -> assertThat(u.offline()).isTrue());
    }

    @Test
    void stoppedVmWithInactiveVmAlertsAlerts() {
        f.configure(vmAlerts(true), T0);
        f.register(true, false, T0);
        f.heartbeat(T0);
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void runningVmAlertsWhateverTheSetting() {
        f.configure(vmAlerts(false), T0);
        f.register(false, false, T0);
        f.heartbeat(T0);
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void aVmStopAppliesAtOnce() {
        f.configure(vmAlerts(false), T0);
        f.register(false, false, T0);
        f.heartbeat(T0);
        f.register(true, false, T0 + 30_000);
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).isEmpty();
    }

    @Test
    void aVmStartAppliesFromTheNextHeartbeat() {
        f.configure(vmAlerts(false), T0);
        f.register(true, false, T0);
        f.heartbeat(T0);
        f.register(false, false, T0 + 30_000);
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).isEmpty();
        f.heartbeat(T0 + 100_000);
        assertThat(only(f.judge(T0 + 166_000), OfflineAlert.class)).hasSize(1);
    }

    @Test
    void disablingInactiveVmAlertsAppliesAtOnceEnablingFromTheNextHeartbeat() {
        f.configure(vmAlerts(true), T0);
        f.register(true, false, T0);
        f.heartbeat(T0);
        f.configure(vmAlerts(false), T0 + 1_000);
        assertThat(only(f.judge(T0 + 66_000), OfflineAlert.class)).isEmpty();
        f.heartbeat(T0 + 100_000);
        f.configure(vmAlerts(true), T0 + 101_000);
        assertThat(only(f.judge(T0 + 166_000), OfflineAlert.class)).isEmpty();
        f.heartbeat(T0 + 200_000);
        assertThat(only(f.judge(T0 + 266_000), OfflineAlert.class)).hasSize(1);
    }
}
