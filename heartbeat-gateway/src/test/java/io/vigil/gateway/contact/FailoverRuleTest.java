package io.vigil.gateway.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FailoverRule}: a newly owned computer is polled at once unless this replica polled it within its interval. */
class FailoverRuleTest {

    @Test
    void aComputerNeverPolledByThisReplicaIsPolledAtOnce() {
        assertThat(FailoverRule.firstDue(null, 5_000, 100_000)).isEqualTo(100_000);
    }

    @Test
    void aComputerPolledAnIntervalAgoOrEarlierIsPolledAtOnce() {
        assertThat(FailoverRule.firstDue(95_000L, 5_000, 100_000)).isEqualTo(100_000);
        assertThat(FailoverRule.firstDue(1L, 5_000, 100_000)).isEqualTo(100_000);
    }

    @Test
    void aComputerPolledWithinItsIntervalKeepsItsRhythm() {
        assertThat(FailoverRule.firstDue(95_001L, 5_000, 100_000)).isEqualTo(100_001);
        assertThat(FailoverRule.firstDue(100_000L, 5_000, 100_000)).isEqualTo(105_000);
    }

    @Test
    void aLastPollInTheFutureIsNotTrusted() {
        assertThat(FailoverRule.firstDue(100_001L, 5_000, 100_000)).isEqualTo(100_000);
    }

    @Test
    void thePollAfterAPollAtOnceComesWithinOneIntervalAndNotBeforeHalfOfIt() {
        assertThat(FailoverRule.afterPollAtOnce(0, 10_000, 0)).isEqualTo(10_000);
        assertThat(FailoverRule.afterPollAtOnce(0, 10_000, 4_999)).isEqualTo(5_001);
        assertThat(FailoverRule.afterPollAtOnce(0, 10_000, 9_000)).as("offset clamped below half")
                .isEqualTo(5_001);
        assertThat(FailoverRule.afterPollAtOnce(0, 10_000, -5)).isEqualTo(10_000);
        assertThat(FailoverRule.afterPollAtOnce(0, 1, 0)).isEqualTo(1);
    }

    @Test
    void theOffsetStaysBelowHalfTheIntervalAndTheSpread() {
        assertThat(FailoverRule.maxOffset(10_000, 5_000)).isEqualTo(4_999);
        assertThat(FailoverRule.maxOffset(10_000, 60_000)).isEqualTo(4_999);
        assertThat(FailoverRule.maxOffset(2_000, 5_000)).isEqualTo(999);
        assertThat(FailoverRule.maxOffset(1, 5_000)).isZero();
        assertThat(FailoverRule.maxOffset(10_000, 0)).isZero();
    }
}
