package io.vigil.alerts.engine;

import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Per-partition watermarks: partition p is read up to time T when, at T, the consumer's position on every topic of
 * p had reached the end offset fetched at T. Everything the broker appended before T then has been read, so deadlines
 * up to T can be judged. An outage or lag simply stops the watermark: it never turns into judgements.
 */
public final class Watermarks {

    /** No watermark yet (partition newly assigned and not yet caught up once). */
    public static final long NONE = Long.MIN_VALUE;

    private record Pending(long at, Map<TopicPartition, Long> ends) {
    }

    private final List<String> topics;
    private final Map<Integer, Long> watermarks = new HashMap<>();
    private final Map<Integer, Pending> pending = new HashMap<>();

    /** @param topics the co-partitioned topics read together; partition p of each belongs to the same tracker */
    public Watermarks(List<String> topics) {
        this.topics = List.copyOf(topics);
    }

    public void assigned(int partition) {
        watermarks.put(partition, NONE);
        pending.remove(partition);
    }

    public void revoked(int partition) {
        watermarks.remove(partition);
        pending.remove(partition);
    }

    public void clear() {
        watermarks.clear();
        pending.clear();
    }

    public long watermark(int partition) {
        return watermarks.getOrDefault(partition, NONE);
    }

    /** The lowest watermark of all assigned partitions ({@link #NONE} if one has none, MAX_VALUE if none assigned). */
    public long lowest() {
        long lowest = Long.MAX_VALUE;
        for (long watermark : watermarks.values()) {
            lowest = Math.min(lowest, watermark);
        }
        return lowest;
    }

    /** End offsets fetched at {@code at} (a time taken before the request was sent). */
    public void endOffsetsFetched(long at, Map<TopicPartition, Long> ends) {
        for (int partition : watermarks.keySet()) {
            if (pending.containsKey(partition)) {
                continue;
            }
            Map<TopicPartition, Long> mine = new HashMap<>();
            for (String topic : topics) {
                Long end = ends.get(new TopicPartition(topic, partition));
                if (end == null) {
                    mine = null;
                    break;
                }
                mine.put(new TopicPartition(topic, partition), end);
            }
            if (mine != null) {
                pending.put(partition, new Pending(at, mine));
            }
        }
    }

    /** Whether a partition still waits for its position to reach a fetched end offset. */
    public boolean awaiting(int partition) {
        return pending.containsKey(partition);
    }

    /** Advances the watermark of every partition whose positions reached the end offsets of its pending fetch. */
    public void positionsRead(ToLongFunction<TopicPartition> position) {
        pending.entrySet().removeIf(entry -> {
            for (Map.Entry<TopicPartition, Long> end : entry.getValue().ends().entrySet()) {
                if (position.applyAsLong(end.getKey()) < end.getValue()) {
                    return false;
                }
            }
            watermarks.computeIfPresent(entry.getKey(), (p, old) -> Math.max(old, entry.getValue().at()));
            return true;
        });
    }
}
