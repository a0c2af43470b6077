package io.vigil.alerts.outage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryTest {

    @Test
    void everyNewLowIsProgressAndResetsTheTimeTheRecoveryHasBeenSteady() {
        Recovery recovery = Recovery.startingAt(1_000, 0).observed(900, 1_000).observed(850, 2_000);

        assertThat(recovery).isEqualTo(new Recovery(1_000, 850, 2_000));
        assertThat(recovery.steadyFor(5_000)).isEqualTo(3_000);
    }

    @Test
    void aCountAtOrAboveTheLowestIsNoProgress() {
        Recovery atLow = Recovery.startingAt(1_000, 0).observed(400, 1_000);

        assertThat(atLow.observed(400, 9_000)).isEqualTo(atLow);
        assertThat(atLow.observed(700, 9_000)).as("silent again, below the peak").isEqualTo(atLow);
        assertThat(atLow.observed(1_000, 9_000)).as("back at the peak").isEqualTo(atLow);
        assertThat(atLow.observed(399, 9_000)).isEqualTo(new Recovery(1_000, 399, 9_000));
    }

    @Test
    void aNewPeakStartsTheRecoveryOver() {
        Recovery falling = Recovery.startingAt(300, 0).observed(200, 1_000);

        Recovery still = falling.observed(1_000, 2_000);

        assertThat(still).isEqualTo(new Recovery(1_000, 1_000, 2_000));
        assertThat(still.observed(600, 3_000)).as("coming back from the new peak is progress again")
                .isEqualTo(new Recovery(1_000, 600, 3_000));
    }

    @Test
    void aRecoveryStartsSteadyAtItsFirstCount() {
        Recovery recovery = Recovery.startingAt(62, 10_000);

        assertThat(recovery.peak()).isEqualTo(62);
        assertThat(recovery.lowest()).isEqualTo(62);
        assertThat(recovery.steadyFor(10_000)).isZero();
    }
}
