package io.vigil.alerts.clock;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vigil.alerts.clock.ClockChangeRule.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class ClockChangeRuleTest {

    private static final long R1 = 1_764_000_000_000L;
    private static final long R2 = R1 + 600_000;

    private static List<ClockShift> compare(int threshold, long agent1, long agent2) {
        return ClockChangeRule.judge(threshold, agent1, R1, agent2, R2, List.of());
    }

    @Test
    void noShiftWhenBothClocksAdvanceAlike() {
        assertThat(compare(60, R1 + 5_000, R2 + 5_000)).isEmpty();
    }

    @Test
    void shiftEqualToTheThresholdIsNotAChangeOneMillisecondMoreIs() {
        assertThat(compare(60, R1, R2 + 60_000)).isEmpty();
        assertThat(compare(60, R1, R2 - 60_000)).isEmpty();
        assertThat(compare(60, R1, R2 + 60_001)).singleElement()
                .satisfies(s -> assertThat(s.shiftMillis()).isEqualTo(60_001));
    }

    @Test
    void forwardJumpWithBothTimesAndTheShift() {
        assertThat(compare(60, R1, R2 + 3_600_000)).containsExactly(new ClockShift(
                "2025-11-24T16:00:00Z", "2025-11-24T17:10:00Z", R1, R2, 3_600_000, ClockShift.COMPARISON));
    }

    @Test
    void rollbackIsANegativeShift() {
        assertThat(compare(60, R1, R2 - 1_800_000)).singleElement()
                .satisfies(s -> assertThat(s.shiftMillis()).isEqualTo(-1_800_000));
    }

    @Test
    void unlimitedNeverJudges() {
        assertThat(compare(-1, R1, R2 + 86_400_000)).isEmpty();
        assertThat(ClockChangeRule.judge(-1, R1, R1, R2, R2,
                List.of(new ClockChangeRule.Reported("t", 99_999, "p")))).isEmpty();
    }

    @Test
    void event5004IsJudgedByItsOwnChangeSecondsNotByComparison() {
        List<ClockChangeRule.Reported> reported =
                List.of(new ClockChangeRule.Reported("2026-11-25T09:59:01Z", -1800, "2026-11-25T10:29:01Z"));
        assertThat(ClockChangeRule.judge(60, R1, R1, R2 - 1_800_000, R2, reported)).containsExactly(new ClockShift(
                "2026-11-25T10:29:01Z", "2026-11-25T09:59:01Z", R1, R2, -1_800_000, ClockShift.EVENT_5004));
    }

    @Test
    void event5004BelowTheThresholdSuppressesTheComparison() {
        List<ClockChangeRule.Reported> reported = List.of(new ClockChangeRule.Reported("t", 30, "p"));
        assertThat(ClockChangeRule.judge(60, R1, R1, R2 + 3_600_000, R2, reported)).isEmpty();
    }

    @Test
    void event5004WithoutAnEarlierHeartbeatIsStillJudged() {
        List<ClockChangeRule.Reported> reported = List.of(new ClockChangeRule.Reported("t", 120, "p"));
        assertThat(ClockChangeRule.judge(60, UNKNOWN, UNKNOWN, R2, R2, reported)).singleElement()
                .satisfies(s -> assertThat(s.previousReceivedAt()).isEqualTo(-1));
    }

    @Test
    void noComparisonWithoutTwoReadableAgentTimes() {
        assertThat(ClockChangeRule.judge(10, UNKNOWN, UNKNOWN, R2, R2, List.of())).isEmpty();
        assertThat(ClockChangeRule.judge(10, R1, R1, UNKNOWN, R2, List.of())).isEmpty();
        assertThat(ClockChangeRule.parseAgentTime("yesterday")).isEqualTo(UNKNOWN);
        assertThat(ClockChangeRule.parseAgentTime(null)).isEqualTo(UNKNOWN);
        assertThat(ClockChangeRule.parseAgentTime("2026-11-25T10:00:00.123+01:00"))
                .isEqualTo(java.time.Instant.parse("2026-11-25T09:00:00.123Z").toEpochMilli());
    }
}
