package io.vigil.alerts.engine;

import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a rebuilt partition starts reading: nothing appended while the start is being looked up is skipped. */
class RebuildStartTest {

    private static final TopicPartition HEARTBEATS = new TopicPartition(Topics.HEARTBEATS, 1);
    private static final TopicPartition CONFIG = new TopicPartition(Topics.COMPUTER_CONFIG, 1);

    /** A broker whose heartbeat partition receives records while the lookup by time is answered. */
    private static final class AppendingDuringLookup extends MockConsumer<byte[], byte[]> {

        private final Map<TopicPartition, OffsetAndTimestamp> answer;
        private final long endAfterLookup;

        AppendingDuringLookup(Map<TopicPartition, OffsetAndTimestamp> answer, long endAfterLookup) {
            super("earliest");
            this.answer = answer;
            this.endAfterLookup = endAfterLookup;
        }

        @Override
        public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> times) {
            Map<TopicPartition, OffsetAndTimestamp> found = new HashMap<>();
            times.keySet().forEach(tp -> found.put(tp, answer.get(tp)));
            updateEndOffsets(Map.of(HEARTBEATS, endAfterLookup));
            return found;
        }
    }

    private static AppendingDuringLookup broker(Map<TopicPartition, OffsetAndTimestamp> answer, long endBefore,
                                                long endAfter) {
        AppendingDuringLookup consumer = new AppendingDuringLookup(answer, endAfter);
        consumer.assign(List.of(HEARTBEATS, CONFIG));
        consumer.updateBeginningOffsets(Map.of(HEARTBEATS, 0L, CONFIG, 3L));
        consumer.updateEndOffsets(Map.of(HEARTBEATS, endBefore, CONFIG, 9L));
        return consumer;
    }

    @Test
    void heartbeatsAppendedWhileNoneWasFoundInTheWindowAreRead() {
        Map<TopicPartition, OffsetAndTimestamp> none = new HashMap<>();
        none.put(HEARTBEATS, null);
        try (AppendingDuringLookup consumer = broker(none, 5, 7)) {
            Rebalance.seekForRebuild(consumer, List.of(HEARTBEATS, CONFIG), 1_000);
            assertThat(consumer.position(HEARTBEATS)).as("the two heartbeats appended during the lookup").isEqualTo(5);
            assertThat(consumer.position(CONFIG)).as("compacted topics from their beginning").isEqualTo(3);
        }
    }

    @Test
    void theFirstHeartbeatInTheWindowIsWhereReadingStarts() {
        try (AppendingDuringLookup consumer = broker(Map.of(HEARTBEATS, new OffsetAndTimestamp(2, 1_000)), 5, 7)) {
            Rebalance.seekForRebuild(consumer, List.of(HEARTBEATS, CONFIG), 1_000);
            assertThat(consumer.position(HEARTBEATS)).isEqualTo(2);
        }
    }
}
