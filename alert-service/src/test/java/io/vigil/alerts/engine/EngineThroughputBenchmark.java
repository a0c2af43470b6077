package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.LivenessSettings;
import io.vigil.alerts.liveness.LivenessTracker;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.heartbeat.HeartbeatReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the CPU cost of the engine per heartbeat on one thread, without Kafka (reading a record, the
 * missed-heartbeat and clock-change rules, the deadline heap). Run: {@code java -cp ... EngineThroughputBenchmark}
 * or through {@code -Pbench}.
 */
public final class EngineThroughputBenchmark {

    public static void main(String[] args) {
        int computers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = 10;
        List<byte[]> values = new ArrayList<>(computers);
        for (int i = 0; i < computers; i++) {
            HeartbeatReceived heartbeat = new HeartbeatReceived(i, Instant.now(), Instant.now().toString(), "20.0.1",
                    "Online", "sha256:bench", Map.of("eventsDropped", 0L), "10.0.0.1", "TLSv1.3",
                    "TLS_AES_128_GCM_SHA256", 1L, 4118, List.of(), List.of(), false);
            values.add(EventJson.toBytes(CloudEvents.create("/bench", EventTypes.HEARTBEAT_RECEIVED,
                    Long.toString(i), heartbeat)));
        }
        LivenessTracker tracker = new LivenessTracker(new LivenessSettings(120, 2, LivenessSettings.UNLIMITED, false));
        RecordRouter router = new RecordRouter(new OutcomeSink() {
            @Override
            public List<Outcome.OfflineAlert> accept(List<Outcome> outcomes) {
                return List.of();
            }

            @Override
            public void poison(String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
                throw new IllegalStateException(reason);
            }
        });
        List<Outcome> out = new ArrayList<>();
        long base = System.currentTimeMillis();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < computers; i++) {
                ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.HEARTBEATS, 0, i,
                        base + round * 120_000L + i, org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME,
                        0, values.get(i).length, null, values.get(i), new org.apache.kafka.common.header.internals
                        .RecordHeaders(), java.util.Optional.empty());
                router.route(record, tracker, out);
            }
            tracker.judge(base + round * 120_000L, out);
            out.clear();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %,d heartbeats in %.2f s = %,.0f heartbeats/s on one thread%n", round,
                    computers, seconds, computers / seconds);
        }
    }
}
