package io.vigil.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatHistoryTest {

    private final HeartbeatHistory history = new HeartbeatHistory();

    @Test
    void aHeartbeatIsUnansweredUntilItEnds() {
        long number = history.sending(1_000);

        assertThat(history.recent()).containsExactly(new SentHeartbeat(Instant.ofEpochMilli(1_000), null, 0));
        history.ended(number, 200, 5_000_000);
        assertThat(history.recent()).containsExactly(new SentHeartbeat(Instant.ofEpochMilli(1_000),
                Duration.ofMillis(5), 200));
    }

    @Test
    void onlyTheLatestAreKeptOldestFirst() {
        for (int i = 0; i < HeartbeatHistory.SIZE + 5; i++) {
            history.ended(history.sending(i), 200, i);
        }

        List<SentHeartbeat> recent = history.recent();
        assertThat(recent).hasSize(HeartbeatHistory.SIZE);
        assertThat(recent.get(0).sentAt()).isEqualTo(Instant.ofEpochMilli(5));
        assertThat(recent.get(HeartbeatHistory.SIZE - 1).sentAt())
                .isEqualTo(Instant.ofEpochMilli(HeartbeatHistory.SIZE + 4));
    }

    @Test
    void anAnswerToAHeartbeatNoLongerKeptChangesNothing() {
        long first = history.sending(0);
        for (int i = 1; i <= HeartbeatHistory.SIZE; i++) {
            history.sending(i);
        }

        history.ended(first, 503, 1);

        assertThat(history.recent()).allSatisfy(s -> {
            assertThat(s.roundTrip()).isNull();
            assertThat(s.status()).isZero();
        });
    }

    @Test
    void aFailureWithoutAnswerKeepsStatusZero() {
        history.ended(history.sending(7), 0, 2_000_000_000L);

        assertThat(history.recent().get(0).roundTrip()).isEqualTo(Duration.ofSeconds(2));
        assertThat(history.recent().get(0).status()).isZero();
    }
}
