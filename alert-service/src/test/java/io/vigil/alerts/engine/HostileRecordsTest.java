package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.LivenessSettings;
import io.vigil.alerts.liveness.LivenessTracker;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.heartbeat.HeartbeatReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * One record the engine cannot handle must not stop detection for anyone else: it goes to the dead-letter topic with
 * the reason, and the computers around it are still judged.
 */
class HostileRecordsTest {

    static final long T0 = 1_764_000_000_000L;

    /** Records what the router hands to the sink. */
    static final class Recording implements OutcomeSink {
        final List<String> poisoned = new ArrayList<>();

        @Override
        public List<Outcome.OfflineAlert> accept(List<Outcome> outcomes) {
            return List.of();
        }

        @Override
        public void poison(String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
            poisoned.add(topic + ": " + reason);
        }
    }

    static ConsumerRecord<byte[], byte[]> record(String topic, long key, long timestamp, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 7, timestamp, TimestampType.LOG_APPEND_TIME, -1, -1,
                Long.toString(key).getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(), Optional.empty());
    }

    static byte[] heartbeat(long id, String agentTime, List<HeartbeatReceived.ClockChange> changes) {
        HeartbeatReceived hb = new HeartbeatReceived(id, Instant.ofEpochMilli(T0), agentTime, "20.0.1", "Online",
                "sha256:x", Map.of(), "10.0.0.1", "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1L, 4118, changes, List.of(),
                false);
        return EventJson.toBytes(CloudEvents.create("/test", EventTypes.HEARTBEAT_RECEIVED, Long.toString(id), hb));
    }

    static byte[] configuration(long id, long interval, Integer threshold, Long clockThreshold) {
        ComputerConfiguration config = new ComputerConfiguration(id, 1, Map.of(), null, "sha256:x", interval,
                threshold, clockThreshold, false, Instant.ofEpochMilli(T0));
        return EventJson.toBytes(CloudEvents.create("/test", EventTypes.COMPUTER_CONFIGURATION, Long.toString(id),
                config));
    }

    @Test
    void anAgentTimeAtTheEndOfTimeNeitherThrowsNorBlindsTheOthers() {
        Recording sink = new Recording();
        RecordRouter router = new RecordRouter(sink);
        LivenessTracker tracker = new LivenessTracker(LivenessSettings.CONTRACT_DEFAULTS);
        List<Outcome> out = new ArrayList<>();
        router.route(record(Topics.COMPUTER_CONFIG, 1, T0, configuration(1, 60, 2, 60L)), tracker, out);
        router.route(record(Topics.COMPUTER_CONFIG, 2, T0, configuration(2, 2, 1, null)), tracker, out);
        router.route(record(Topics.HEARTBEATS, 1, T0, heartbeat(1, "2026-12-06T10:00:00Z", List.of())), tracker, out);
        router.route(record(Topics.HEARTBEATS, 2, T0, heartbeat(2, "2026-12-06T10:00:00Z", List.of())), tracker, out);

        assertThatCode(() -> router.route(record(Topics.HEARTBEATS, 1, T0 + 1_000,
                heartbeat(1, "+999999999-12-31T23:59:59Z", List.of())), tracker, out)).doesNotThrowAnyException();
        assertThatCode(() -> router.route(record(Topics.HEARTBEATS, 1, T0 + 2_000,
                heartbeat(1, "-999999999-01-01T00:00:00Z", List.of(new HeartbeatReceived.ClockChange(
                        "+999999999-12-31T23:59:59Z", Long.MIN_VALUE, "-999999999-01-01T00:00:00Z")))), tracker, out))
                .doesNotThrowAnyException();

        List<Outcome> judged = new ArrayList<>();
        tracker.judge(T0 + 2 * 2_000 + 200, judged);
        assertThat(judged).filteredOn(Outcome.OfflineAlert.class::isInstance).extracting(Outcome::computerID)
                .containsExactly(2L);
        assertThat(out).filteredOn(Outcome.ClockChangeDetected.class::isInstance).hasSize(2);
    }

    @Test
    void aRecordThatCannotBeJudgedGoesToTheDeadLetterTopicWithItsReason() {
        Recording sink = new Recording();
        RecordRouter router = new RecordRouter(sink);
        LivenessTracker tracker = new LivenessTracker(LivenessSettings.CONTRACT_DEFAULTS);
        List<Outcome> out = new ArrayList<>();
        router.route(record(Topics.COMPUTER_CONFIG, 3, T0, configuration(3, 60, -7, null)), tracker, out);
        router.route(record(Topics.HEARTBEATS, 3, -1, heartbeat(3, "2026-12-06T10:00:00Z", List.of())), tracker, out);
        router.route(record(Topics.HEARTBEATS, 3, T0, "{not json".getBytes(StandardCharsets.UTF_8)), tracker, out);
        assertThat(sink.poisoned).hasSize(3).allSatisfy(reason -> assertThat(reason).contains(": ").doesNotEndWith(": "));
        assertThat(out).isEmpty();
    }
}
