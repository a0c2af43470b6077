package io.vigil.alerts.liveness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    @Test
    void graceIsATenthOfTheIntervalCappedAtThirtySeconds() {
        assertThat(Deadlines.graceMillis(1)).isEqualTo(100);
        assertThat(Deadlines.graceMillis(60)).isEqualTo(6_000);
        assertThat(Deadlines.graceMillis(300)).isEqualTo(30_000);
        assertThat(Deadlines.graceMillis(600)).isEqualTo(30_000);
        assertThat(Deadlines.graceMillis(86_400)).isEqualTo(30_000);
    }

    @Test
    void heartbeatKIsMissedAtLastPlusKIntervalsPlusGrace() {
        assertThat(Deadlines.missedAt(1_000, 60, 1)).isEqualTo(1_000 + 60_000 + 6_000);
        assertThat(Deadlines.missedAt(1_000, 60, 3)).isEqualTo(1_000 + 180_000 + 6_000);
        assertThat(Deadlines.missedAt(0, 600, 3)).isEqualTo(1_830_000);
    }

    @Test
    void missedCountAroundEachDeadline() {
        assertThat(Deadlines.missedBy(0, 60, 65_999)).isZero();
        assertThat(Deadlines.missedBy(0, 60, 66_000)).isEqualTo(1);
        assertThat(Deadlines.missedBy(0, 60, 125_999)).isEqualTo(1);
        assertThat(Deadlines.missedBy(0, 60, 126_000)).isEqualTo(2);
        assertThat(Deadlines.missedBy(0, 60, -5)).isZero();
    }

    @Test
    void offlineAtNPlusOneOrFirstMissUnderUnlimited() {
        assertThat(Deadlines.offlineAt(0)).isEqualTo(1);
        assertThat(Deadlines.offlineAt(2)).isEqualTo(3);
        assertThat(Deadlines.offlineAt(100)).isEqualTo(101);
        assertThat(Deadlines.offlineAt(LivenessSettings.UNLIMITED)).isEqualTo(1);
    }
}
