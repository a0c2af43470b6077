package io.vigil.alerts.engine;

import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Partitions come and go with the group: revoked ones are forgotten, assigned ones are rebuilt from the log
 * (heartbeats from the lookback on, the compacted configuration and registration topics from the beginning).
 * Judging waits for the rebuilt partition's watermark, so no deadline is judged on half a history.
 */
final class Rebalance implements ConsumerRebalanceListener {

    private final DeadlineEngine engine;

    Rebalance(DeadlineEngine engine) {
        this.engine = engine;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        engine.revoked(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        engine.revoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        engine.assigned(partitions);
    }

    /**
     * Seeks the compacted partitions to their beginning and each heartbeat partition to its first record appended at
     * or after {@code heartbeatsFrom}, or, when it has none, to the end offset it had before that lookup: a record
     * appended while the lookup is answered lies at or after that end and is read, not skipped.
     */
    static void seekForRebuild(Consumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions,
                               long heartbeatsFrom) {
        Map<TopicPartition, Long> times = new HashMap<>();
        List<TopicPartition> compacted = partitions.stream()
                .filter(tp -> !Topics.HEARTBEATS.equals(tp.topic())).toList();
        for (TopicPartition tp : partitions) {
            if (Topics.HEARTBEATS.equals(tp.topic())) {
                times.put(tp, Math.max(0, heartbeatsFrom));
            }
        }
        // explicit offsets, not the lazy seekToBeginning/seekToEnd: a pending reset did not survive an eager rebalance
        consumer.beginningOffsets(compacted).forEach(consumer::seek);
        if (times.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> endsBefore = consumer.endOffsets(times.keySet());
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition tp : times.keySet()) {
            OffsetAndTimestamp first = offsets.get(tp);
            consumer.seek(tp, first == null ? endsBefore.get(tp) : first.offset());
        }
    }
}
