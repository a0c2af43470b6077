package io.vigil.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff lowest = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(60), () -> 0.0);
    private final Backoff highest = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(60), () -> 0.999999);

    @Test
    void withoutRetryAfterTheWaitDoublesUpToTheCapWithJitterFromHalfToAll() {
        assertThat(lowest.delayMillis(1, null)).isEqualTo(2_500);
        assertThat(highest.delayMillis(1, null)).isBetween(4_999L, 5_000L);
        assertThat(lowest.delayMillis(2, null)).isEqualTo(5_000);
        assertThat(highest.delayMillis(2, null)).isBetween(9_999L, 10_000L);
        assertThat(lowest.delayMillis(4, null)).isEqualTo(20_000);
        assertThat(lowest.delayMillis(5, null)).as("capped at 60 s").isEqualTo(30_000);
        assertThat(highest.delayMillis(100, null)).isBetween(59_999L, 60_000L);
    }

    @Test
    void retryAfterIsHonouredAndSpreadOverHalfAsLongAgain() {
        assertThat(lowest.delayMillis(1, "7")).isEqualTo(7_000);
        assertThat(highest.delayMillis(9, " 7 ")).isBetween(10_499L, 10_500L);
        assertThat(lowest.delayMillis(1, "0")).as("at least a second").isEqualTo(1_000);
    }

    @Test
    void aRetryAfterThatIsNoNumberOfSecondsIsIgnored() {
        assertThat(lowest.delayMillis(1, "Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(2_500);
        assertThat(lowest.delayMillis(1, "-3")).isEqualTo(2_500);
        assertThat(lowest.delayMillis(1, "")).isEqualTo(2_500);
    }

    @Test
    void spreadIsBetweenHalfAndAll() {
        for (int i = 0; i < 1000; i++) {
            assertThat(Backoff.spread(1_000)).isBetween(500L, 1_000L);
        }
        assertThat(Backoff.spread(1)).isBetween(0L, 1L);
    }

    @Test
    void manyAgentsRefusedTogetherComeBackSpreadOut() {
        Backoff real = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(60));
        java.util.Set<Long> seconds = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long d = real.delayMillis(1, "10");
            assertThat(d).isBetween(10_000L, 15_000L);
            seconds.add(d / 1000);
        }
        assertThat(seconds).containsExactlyInAnyOrder(10L, 11L, 12L, 13L, 14L);
    }
}
