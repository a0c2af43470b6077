package io.vigil.alerts.engine;

import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * While a newly assigned partition is rebuilt, its heartbeats wait (paused) until the compacted configuration and
 * registration partitions have been read to the end offsets they had at assignment: replayed heartbeats then meet the
 * computer's settings, not the defaults.
 */
final class RebuildGate {

    private final Map<TopicPartition, Map<TopicPartition, Long>> waiting = new HashMap<>();

    void assigned(KafkaConsumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> heartbeats = partitions.stream()
                .filter(tp -> Topics.HEARTBEATS.equals(tp.topic())).toList();
        List<TopicPartition> compacted = partitions.stream()
                .filter(tp -> !Topics.HEARTBEATS.equals(tp.topic())).toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(compacted, Duration.ofSeconds(30));
        for (TopicPartition heartbeat : heartbeats) {
            Map<TopicPartition, Long> mine = new HashMap<>();
            ends.forEach((tp, end) -> {
                if (tp.partition() == heartbeat.partition()) {
                    mine.put(tp, end);
                }
            });
            waiting.put(heartbeat, mine);
        }
        consumer.pause(heartbeats);
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(waiting::remove);
    }

    void clear() {
        waiting.clear();
    }

    /** Resumes the heartbeats of every partition whose compacted topics have been read far enough. */
    void release(KafkaConsumer<byte[], byte[]> consumer) {
        Iterator<Map.Entry<TopicPartition, Map<TopicPartition, Long>>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<TopicPartition, Map<TopicPartition, Long>> entry = it.next();
            boolean ready = entry.getValue().entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            if (ready) {
                consumer.resume(List.of(entry.getKey()));
                it.remove();
            }
        }
    }
}
