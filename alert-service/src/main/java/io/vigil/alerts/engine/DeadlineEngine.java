package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.LivenessTracker;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One deadline engine: a Kafka consumer in the engine's group over the co-partitioned heartbeat, configuration and
 * registration topics (one subscription, range assignor: partition p of all three lands on the same instance), a
 * {@link LivenessTracker} per assigned partition, and the {@link Watermarks} that decide how far it may judge.
 * A newly assigned partition is rebuilt from the log; its deadlines are judged once it has caught up.
 */
public final class DeadlineEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DeadlineEngine.class);
    static final List<String> TOPICS = List.of(Topics.HEARTBEATS, Topics.COMPUTER_CONFIG, Topics.COMPUTERS);

    private final EngineSettings settings;
    private final OutcomeSink sink;
    private final LongSupplier clock;
    private final RecordRouter router;
    private final Map<Integer, LivenessTracker> trackers = new ConcurrentHashMap<>();
    private final Watermarks watermarks = new Watermarks(TOPICS);
    private final EngineGauges gauges = new EngineGauges();
    private final RebuildGate gate = new RebuildGate();
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private long lastRefresh = 0;

    public DeadlineEngine(EngineSettings settings, OutcomeSink sink, LongSupplier clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.router = new RecordRouter(sink);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        consumer = ConsumerSettings.consumer(settings);
        thread = Thread.ofPlatform().name("deadline-engine-" + settings.groupId()).start(this::run);
    }

    /** Stops consuming and forgets every partition (another instance or a restart rebuilds them from the log). */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean running() {
        return running;
    }

    public EngineGauges gauges() {
        return gauges;
    }

    private void run() {
        while (running) {
            try {
                runConsumer();
            } catch (RuntimeException e) {
                // refused credentials or ACLs: reported once with the setting to fix, held until the check passes
                if (!settings.failures().failed("alert-service-engine", e, () -> running)) {
                    return;
                }
                LOG.errorf(e, "deadline engine failed, rejoining and rebuilding: %s", e.getMessage());
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                if (running) {
                    consumer = ConsumerSettings.consumer(settings);
                }
            }
        }
    }

    private void runConsumer() {
        try (KafkaConsumer<byte[], byte[]> current = consumer) {
            consumer.subscribe(TOPICS, new Rebalance(this));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
                List<Outcome> out = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : LogOrder.merge(records)) {
                    LivenessTracker tracker = trackers.get(record.partition());
                    if (tracker != null) {
                        router.route(record, tracker, out);
                    }
                }
                deliver(out);
                gate.release(consumer);
                refreshWatermarks();
                judge();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            trackers.clear();
            watermarks.clear();
            gate.clear();
            gauges.clear();
        }
    }

    private void deliver(List<Outcome> out) {
        if (!out.isEmpty()) {
            sink.accept(out);
        }
    }

    private void refreshWatermarks() {
        long now = clock.getAsLong();
        if (!trackers.isEmpty() && now - lastRefresh >= settings.watermarkRefresh().toMillis()) {
            lastRefresh = now;
            try {
                Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(2));
                watermarks.endOffsetsFetched(now, ends);
                long lag = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    lag += Math.max(0, end.getValue() - consumer.position(end.getKey()));
                }
                gauges.lag(lag);
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.debugf("end offsets not available: %s", e.getMessage());
            }
        }
        watermarks.positionsRead(consumer::position);
    }

    private void judge() {
        long now = clock.getAsLong();
        long skew = settings.clockSkewMargin().toMillis();
        List<Outcome> out = new ArrayList<>();
        int tracked = 0;
        for (Map.Entry<Integer, LivenessTracker> entry : trackers.entrySet()) {
            long watermark = watermarks.watermark(entry.getKey());
            tracked += entry.getValue().size();
            if (watermark != Watermarks.NONE) {
                entry.getValue().judge(Math.min(watermark - skew, now), out);
            }
        }
        deliver(out);
        long lowest = watermarks.lowest();
        gauges.update(tracked, lowest == Long.MAX_VALUE ? 0 : lowest == Watermarks.NONE ? -1 : now - lowest);
    }

    /** Total computers tracked by this engine. */
    public int tracked() {
        return trackers.values().stream().mapToInt(LivenessTracker::size).sum();
    }

    /** Computers of this engine that currently miss heartbeats. */
    public int silent() {
        return trackers.values().stream().mapToInt(LivenessTracker::silent).sum();
    }

    void assigned(Collection<TopicPartition> partitions) {
        long now = clock.getAsLong();
        for (TopicPartition tp : partitions) {
            trackers.computeIfAbsent(tp.partition(), p -> new LivenessTracker(settings.defaults()));
            watermarks.assigned(tp.partition());
        }
        Rebalance.seekForRebuild(consumer, partitions, now - settings.rebuildLookback().toMillis());
        gate.assigned(consumer, partitions);
        lastRefresh = 0;
        LOG.infof("engine %s rebuilding partitions %s from the log", settings.groupId(), partitions);
    }

    void revoked(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            trackers.remove(tp.partition());
            watermarks.revoked(tp.partition());
        }
        gate.revoked(partitions);
    }
}
