package io.vigil.alerts.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigil.alerts.clock.ClockChangeRule;
import io.vigil.alerts.liveness.ComputerSnapshot;
import io.vigil.alerts.liveness.LivenessSettings;
import io.vigil.alerts.liveness.LivenessTracker;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.heartbeat.HeartbeatReceived;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads one record of the three co-partitioned topics and feeds it to its partition's tracker. */
final class RecordRouter {

    static final String CLOCK_KEY_PREFIX = "clock:";

    private final OutcomeSink sink;

    RecordRouter(OutcomeSink sink) {
        this.sink = sink;
    }

    /**
     * Applies one record. Whatever it makes the rules do is kept only if the whole record could be applied; a record
     * that cannot be read or judged (any exception) goes to the dead-letter topic with the reason, and the engine
     * moves on to the next one: one record never stops the judging of the others.
     */
    void route(ConsumerRecord<byte[], byte[]> record, LivenessTracker tracker, List<Outcome> out) {
        List<Outcome> mine = new ArrayList<>(2);
        try {
            switch (record.topic()) {
                case Topics.HEARTBEATS -> heartbeat(record, tracker, mine);
                case Topics.COMPUTER_CONFIG -> configuration(record, tracker, mine);
                case Topics.COMPUTERS -> registration(record, tracker, mine);
                case Topics.LIVENESS_SNAPSHOTS -> snapshot(record, tracker);
                default -> { }
            }
            out.addAll(mine);
        } catch (RuntimeException e) {
            sink.poison(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                    reason(e));
        }
    }

    static String reason(RuntimeException e) {
        if (e instanceof EventJson.MalformedEventException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "cannot be judged: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void heartbeat(ConsumerRecord<byte[], byte[]> record, LivenessTracker tracker, List<Outcome> out) {
        if (record.value() == null) {
            return;
        }
        if (record.timestamp() < 0) {
            throw new IllegalArgumentException("heartbeat without a broker receive time");
        }
        HeartbeatReceived heartbeat = data(record, HeartbeatReceived.class);
        List<ClockChangeRule.Reported> reported = heartbeat.clockChanges() == null ? List.of()
                : heartbeat.clockChanges().stream()
                .map(c -> new ClockChangeRule.Reported(c.time(), c.changeSeconds(), c.previousTime())).toList();
        tracker.heartbeat(heartbeat.computerID(), record.timestamp(), heartbeat.agentTime(), reported, out);
        sink.heartbeatConsumed();
    }

    private void configuration(ConsumerRecord<byte[], byte[]> record, LivenessTracker tracker, List<Outcome> out) {
        if (record.value() == null) {
            tracker.settings(keyOf(record), null, record.timestamp(), out);
            return;
        }
        ComputerConfiguration config = data(record, ComputerConfiguration.class);
        tracker.settings(config.computerID(), LivenessSettings.of(config.heartbeatIntervalSeconds(),
                config.missedHeartbeatThreshold(), config.clockChangeThresholdSeconds(),
                config.inactiveVmOfflineAlertEnabled()), record.timestamp(), out);
    }

    private void registration(ConsumerRecord<byte[], byte[]> record, LivenessTracker tracker, List<Outcome> out) {
        if (record.value() == null) {
            tracker.registration(keyOf(record), null, false, true, record.timestamp(), out);
            return;
        }
        ComputerRegistration computer = data(record, ComputerRegistration.class);
        tracker.registration(computer.computerID(), computer.hostName(), "stopped".equals(computer.vmState()),
                computer.deactivated(), record.timestamp(), out);
    }

    private static void snapshot(ConsumerRecord<byte[], byte[]> record, LivenessTracker tracker) {
        if (record.value() == null || record.key() == null
                || new String(record.key(), StandardCharsets.UTF_8).startsWith(CLOCK_KEY_PREFIX)) {
            return; // a forgotten computer, or a clock tick
        }
        ComputerSnapshot snapshot = EventJson.read(record.value(), new TypeReference<ComputerSnapshot>() { });
        if (snapshot.computerID() != keyOf(record)) {
            throw new IllegalArgumentException("snapshot of computer " + snapshot.computerID() + " under another key");
        }
        tracker.restore(snapshot);
    }

    private static <T> T data(ConsumerRecord<byte[], byte[]> record, Class<T> type) {
        T data = EventJson.readEvent(record.value(), type).data();
        if (data == null) {
            throw new EventJson.MalformedEventException("event without data");
        }
        return data;
    }

    private static long keyOf(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("tombstone without a key");
        }
        try {
            return Long.parseLong(new String(record.key(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key is not a computer ID");
        }
    }
}
