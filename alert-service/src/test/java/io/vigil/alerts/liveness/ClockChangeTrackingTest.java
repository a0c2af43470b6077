package io.vigil.alerts.liveness;

import io.vigil.alerts.clock.ClockChangeRule;
import io.vigil.alerts.clock.ClockShift;
import io.vigil.alerts.liveness.Outcome.ClockChangeDetected;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.vigil.alerts.liveness.TrackerFixture.T0;
import static io.vigil.alerts.liveness.TrackerFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

/** The clock-change rule across consecutive heartbeats of one computer. */
class ClockChangeTrackingTest {

    private final TrackerFixture f = new TrackerFixture();

    private static String at(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private void threshold(Integer seconds) {
        f.configure(new LivenessSettings(600, 2, seconds == null ? LivenessSettings.UNLIMITED : seconds, false), T0);
    }

    @Test
    void consecutiveHeartbeatsAreCompared() {
        threshold(60);
        assertThat(f.heartbeat(T0, at(T0), List.of())).isEmpty();
        List<Outcome> out = f.heartbeat(T0 + 600_000, at(T0 + 600_000 + 61_000), List.of());
        assertThat(only(out, ClockChangeDetected.class)).singleElement()
                .satisfies(c -> assertThat(c.shift().shiftMillis()).isEqualTo(61_000));
    }

    @Test
    void theHeartbeatAfterAJumpComparesWithTheJumpedTime() {
        threshold(60);
        f.heartbeat(T0, at(T0), List.of());
        f.heartbeat(T0 + 600_000, at(T0 - 3_600_000 + 600_000), List.of());
        assertThat(only(f.heartbeat(T0 + 1_200_000, at(T0 - 3_600_000 + 1_200_000), List.of()),
                ClockChangeDetected.class)).isEmpty();
    }

    @Test
    void a5004IsNotCountedTwice() {
        threshold(60);
        f.heartbeat(T0, at(T0), List.of());
        List<ClockChangeRule.Reported> reported = List.of(new ClockChangeRule.Reported(at(T0 + 400_000), 1800,
                at(T0 + 398_200)));
        List<Outcome> out = f.heartbeat(T0 + 600_000, at(T0 + 2_400_000), reported);
        assertThat(only(out, ClockChangeDetected.class)).singleElement()
                .satisfies(c -> assertThat(c.shift().source()).isEqualTo(ClockShift.EVENT_5004))
                .satisfies(c -> assertThat(c.shift().shiftMillis()).isEqualTo(1_800_000));
        assertThat(f.heartbeat(T0 + 1_200_000, at(T0 + 3_000_000), List.of())).isEmpty();
    }

    @Test
    void aReportedChangeThatCameBeforeTheComputersSettingsIsJudgedWhenTheyArrive() {
        // the heartbeats ran ahead of the computer's configuration (just activated; policy-service slow or down)
        f.heartbeat(T0, at(T0), List.of());
        List<ClockChangeRule.Reported> jump = List.of(new ClockChangeRule.Reported(at(T0 + 301_000), 300,
                at(T0 + 1_000)));
        assertThat(only(f.heartbeat(T0 + 2_000, at(T0 + 302_000), jump), ClockChangeDetected.class)).isEmpty();

        List<Outcome> out = f.configure(new LivenessSettings(2, 1, 10, false), T0 + 3_000);
        assertThat(only(out, ClockChangeDetected.class)).singleElement()
                .satisfies(c -> assertThat(c.shift().source()).isEqualTo(ClockShift.EVENT_5004))
                .satisfies(c -> assertThat(c.shift().shiftMillis()).isEqualTo(300_000))
                .satisfies(c -> assertThat(c.shift().receivedAt()).isEqualTo(T0 + 2_000));
        assertThat(only(f.configure(new LivenessSettings(2, 1, 5, false), T0 + 4_000), ClockChangeDetected.class))
                .as("judged once").isEmpty();
    }

    @Test
    void aComparedChangeThatCameBeforeTheComputersSettingsIsJudgedWhenTheyArrive() {
        // a Linux agent reports no 5004: the jump shows only in the agent times of two heartbeats, both heard before
        // the computer's configuration reached this service
        f.heartbeat(T0, at(T0), List.of());
        assertThat(only(f.heartbeat(T0 + 2_000, at(T0 + 302_000), List.of()), ClockChangeDetected.class)).isEmpty();
        f.heartbeat(T0 + 4_000, at(T0 + 304_000), List.of());

        List<Outcome> out = f.configure(new LivenessSettings(2, 1, 10, false), T0 + 5_000);
        assertThat(only(out, ClockChangeDetected.class)).singleElement()
                .satisfies(c -> assertThat(c.shift().source()).isEqualTo(ClockShift.COMPARISON))
                .satisfies(c -> assertThat(c.shift().shiftMillis()).isEqualTo(300_000))
                .satisfies(c -> assertThat(c.shift().receivedAt()).isEqualTo(T0 + 2_000))
                .satisfies(c -> assertThat(c.occurrences()).isEqualTo(1));
        assertThat(only(f.configure(new LivenessSettings(2, 1, 5, false), T0 + 6_000), ClockChangeDetected.class))
                .as("judged once").isEmpty();
        assertThat(only(f.heartbeat(T0 + 7_000, at(T0 + 307_000), List.of()), ClockChangeDetected.class))
                .as("the next heartbeat compares with the jumped time").isEmpty();
    }

    @Test
    void aChangeBeforeSettingsOfUnlimitedOrAboveTheThresholdRaisesNothing() {
        List<ClockChangeRule.Reported> jump = List.of(new ClockChangeRule.Reported(at(T0 + 31_000), 30,
                at(T0 + 1_000)));
        f.heartbeat(T0 + 2_000, at(T0 + 32_000), jump);
        assertThat(only(f.configure(new LivenessSettings(2, 1, 60, false), T0 + 3_000), ClockChangeDetected.class))
                .isEmpty();

        TrackerFixture unlimited = new TrackerFixture();
        unlimited.heartbeat(T0 + 2_000, at(T0 + 302_000), jump);
        assertThat(only(unlimited.configure(new LivenessSettings(2, 1, LivenessSettings.UNLIMITED, false), T0 + 3_000),
                ClockChangeDetected.class)).isEmpty();
    }

    @Test
    void changesJudgedUnderKnownSettingsAreNotJudgedAgainWhenTheyChange() {
        threshold(60);
        f.heartbeat(T0, at(T0), List.of());
        f.heartbeat(T0 + 2_000, at(T0 + 32_000), List.of(new ClockChangeRule.Reported(at(T0 + 31_000), 30,
                at(T0 + 1_000))));
        assertThat(only(f.configure(new LivenessSettings(600, 2, 10, false), T0 + 3_000), ClockChangeDetected.class))
                .isEmpty();
    }

    @Test
    void unlimitedNeverRaises() {
        threshold(null);
        f.heartbeat(T0, at(T0), List.of());
        assertThat(f.heartbeat(T0 + 600_000, at(T0 + 86_400_000), List.of())).isEmpty();
    }

    @Test
    void aThresholdChangeAppliesToTheNextComparison() {
        threshold(null);
        f.heartbeat(T0, at(T0), List.of());
        threshold(10);
        assertThat(only(f.heartbeat(T0 + 600_000, at(T0 + 620_000), List.of()), ClockChangeDetected.class))
                .hasSize(1);
    }

    @Test
    void clockChangesCarryTheHostName() {
        threshold(10);
        f.register(false, false, T0);
        f.heartbeat(T0, at(T0), List.of());
        assertThat(only(f.heartbeat(T0 + 1_000, at(T0 + 60_000), List.of()), ClockChangeDetected.class))
                .singleElement().satisfies(c -> assertThat(c.hostName()).isEqualTo("web-01"));
    }
}
