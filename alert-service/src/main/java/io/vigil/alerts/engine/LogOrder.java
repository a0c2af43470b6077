package io.vigil.alerts.engine;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Interleaves one poll's records of the co-partitioned topics by timestamp, keeping each partition's own order, so
 * that a configuration written before a heartbeat is applied before it even when both arrive in one poll.
 */
final class LogOrder {

    private record Head(ConsumerRecord<byte[], byte[]> record, Iterator<ConsumerRecord<byte[], byte[]>> rest) {
    }

    private LogOrder() {
    }

    static List<ConsumerRecord<byte[], byte[]>> merge(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> merged = new ArrayList<>(records.count());
        if (records.partitions().size() == 1) {
            records.forEach(merged::add);
            return merged;
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(h -> h.record().timestamp()));
        for (TopicPartition partition : records.partitions()) {
            Iterator<ConsumerRecord<byte[], byte[]>> it = records.records(partition).iterator();
            if (it.hasNext()) {
                heads.add(new Head(it.next(), it));
            }
        }
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            merged.add(head.record());
            if (head.rest().hasNext()) {
                heads.add(new Head(head.rest().next(), head.rest()));
            }
        }
        return merged;
    }
}
