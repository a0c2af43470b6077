package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The heartbeats on {@code vigil.heartbeats} that the broker appended in a time window, and the silences they show:
 * liveness is judged by the append time, so the gap between two appended heartbeats of one computer is the silence
 * the platform saw, whatever the agent did.
 */
final class RecordedHeartbeats {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One heartbeat: its computer, the gateway's receive time and the broker's append time. */
    record Recorded(long computerID, Instant receivedAt, Instant appendedAt) {
    }

    private RecordedHeartbeats() {
    }

    static List<Recorded> between(String bootstrapServers, Instant from, Instant to) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<Recorded> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.HEARTBEATS).stream()
                    .map(p -> new TopicPartition(Topics.HEARTBEATS, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> from.toEpochMilli())));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<TopicPartition> open = new HashSet<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp start = starts.get(partition);
                if (start != null) {
                    consumer.seek(partition, start.offset());
                    open.add(partition);
                }
            }
            consumer.assign(open);
            while (open.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.timestamp() > to.toEpochMilli() || !open.contains(partition)) {
                        open.remove(partition); // appended in order: nothing later of it is in the window
                        continue;
                    }
                    found.add(new Recorded(Long.parseLong(record.key()), receivedAt(record.value()),
                            Instant.ofEpochMilli(record.timestamp())));
                }
            }
        }
        return found;
    }

    /** A silence: two consecutive appended heartbeats of one computer. */
    record Gap(Recorded before, Recorded after) {
        Duration length() {
            return Duration.between(before.appendedAt(), after.appendedAt());
        }
    }

    /** The silences of {@code computers}: each gap between consecutive appended heartbeats of one of them. */
    static List<Gap> gaps(Collection<Recorded> recorded, Set<Long> computers) {
        Map<Long, List<Recorded>> byComputer = recorded.stream().filter(r -> computers.contains(r.computerID()))
                .collect(Collectors.groupingBy(Recorded::computerID));
        List<Gap> gaps = new ArrayList<>();
        for (List<Recorded> times : byComputer.values()) {
            List<Recorded> ordered = times.stream().sorted(Comparator.comparing(Recorded::appendedAt)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                gaps.add(new Gap(ordered.get(i - 1), ordered.get(i)));
            }
        }
        return gaps;
    }

    private static Instant receivedAt(String value) {
        try {
            JsonNode event = JSON.readTree(value);
            JsonNode data = event.has("data") ? event.get("data") : event;
            JsonNode at = data.path("receivedAt");
            return at.isNumber() ? Instant.ofEpochMilli(at.asLong()) : Instant.parse(at.asText());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable heartbeat " + value, e);
        }
    }
}
