package io.vigil.alerts.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JudgingHealthTest {

    @Test
    void judgingWhileCaughtUp() {
        JudgingHealth health = new JudgingHealth(60_000, 0);
        health.assigned(true);
        health.passed(1_000, 300);
        assertThat(health.judging(1_000)).isTrue();
        assertThat(health.notJudgingMillis(1_000)).isZero();
    }

    @Test
    void aRebuildLongerThanExpectedIsNotJudging() {
        JudgingHealth health = new JudgingHealth(60_000, 0);
        health.assigned(true);
        health.passed(30_000, -1);
        assertThat(health.judging(30_000)).as("still within the expected rebuild time").isTrue();
        health.passed(60_001, -1);
        assertThat(health.judging(60_001)).isFalse();
        assertThat(health.notJudgingMillis(60_001)).isEqualTo(60_001);
        health.passed(61_000, 90_000);
        assertThat(health.judging(61_000)).as("caught up to a watermark too old").isFalse();
        health.passed(62_000, 200);
        assertThat(health.judging(62_000)).isTrue();
    }

    @Test
    void aFailureIsNotJudgingAtOnceUntilCaughtUpAgain() {
        JudgingHealth health = new JudgingHealth(60_000, 0);
        health.assigned(true);
        health.passed(1_000, 100);
        health.failed();
        assertThat(health.judging(1_001)).isFalse();
        assertThat(health.failures()).isEqualTo(1);
        health.assigned(false);
        health.passed(2_000, 100);
        assertThat(health.judging(2_000)).as("not yet rejoined").isFalse();
        health.assigned(true);
        health.passed(3_000, 100);
        assertThat(health.judging(3_000)).isTrue();
    }
}
