package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.LivenessTracker;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.events.Topics;
import io.vigil.kafka.tracing.RecordTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.record.TimestampType;
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
    static final List<String> TOPICS = List.of(Topics.HEARTBEATS, Topics.COMPUTER_CONFIG, Topics.COMPUTERS,
            Topics.LIVENESS_SNAPSHOTS);

    /** How often the engine appends a clock tick to learn the broker's time. */
    static final long CLOCK_TICK_MILLIS = 2_000;

    private final EngineSettings settings;
    private final OutcomeSink sink;
    private final LongSupplier clock;
    private final RecordRouter router;
    private final Map<Integer, LivenessTracker> trackers = new ConcurrentHashMap<>();
    private final Watermarks watermarks = new Watermarks(TOPICS);
    private final EngineGauges gauges = new EngineGauges();
    private final RebuildGate gate = new RebuildGate();
    private final BrokerClock brokerClock = new BrokerClock();
    private final JudgingHealth health;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;
    private long lastRefresh = Long.MIN_VALUE;
    private long lastTick = Long.MIN_VALUE;

    /**
     * @param clock this host's wall clock, used only to choose where a rebuild starts reading: deadlines are judged
     *              on the broker's clock ({@link BrokerClock}), never on this one
     */
    public DeadlineEngine(EngineSettings settings, OutcomeSink sink, LongSupplier clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.router = new RecordRouter(sink);
        this.health = new JudgingHealth(settings.maxHoldBack().toMillis(), monotonicMillis());
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000L;
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

    public EngineSettings settings() {
        return settings;
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
                long polled = System.nanoTime();
                List<Outcome> out = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : LogOrder.merge(records)) {
                    if (record.timestampType() == TimestampType.LOG_APPEND_TIME) {
                        brokerClock.observed(record.timestamp(), polled);
                    }
                    LivenessTracker tracker = trackers.get(record.partition());
                    if (tracker != null) {
                        // the record's trace (from the gateway's heartbeat) and its computer in the log context
                        try (RecordTracing.Processing ignored = settings.kafka().tracing().process(record)) {
                            router.route(record, tracker, out);
                        }
                    }
                }
                deliver(out);
                gate.release(consumer);
                tick();
                refreshWatermarks();
                judge();
                releaseWithheld();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            health.assigned(false);
            trackers.clear();
            watermarks.clear();
            gate.clear();
            gauges.clear();
        }
    }

    private void deliver(List<Outcome> out) {
        if (out.isEmpty()) {
            return;
        }
        for (Outcome.OfflineAlert held : sink.accept(out)) {
            trackers.values().forEach(tracker -> tracker.withhold(held));
        }
    }

    /**
     * Raises the alerts a platform-outage held back once per-computer alerts are allowed again and each held
     * computer's allowance from that moment has passed (on the broker's clock, like its heartbeats); while they are
     * not allowed, no allowance runs.
     */
    private void releaseWithheld() {
        if (trackers.values().stream().noneMatch(LivenessTracker::withholding)) {
            return;
        }
        if (!sink.offlineAlertsAllowed()) {
            boolean platformOutage = sink.platformOutage();
            trackers.values().forEach(tracker -> tracker.keepWithheld(platformOutage));
            return;
        }
        long now = brokerClock.now(System.nanoTime());
        if (now == BrokerClock.UNKNOWN) {
            return;
        }
        List<Outcome> out = new ArrayList<>();
        trackers.forEach((partition, tracker) -> {
            long upTo = judgedUpTo(partition, now);
            if (upTo != Watermarks.NONE) {
                tracker.releaseWithheld(now, upTo, out);
            }
        });
        deliver(out);
    }

    /**
     * Appends a clock tick every {@link #CLOCK_TICK_MILLIS}: the broker's time is known even when no heartbeat arrives.
     * More often would not make it better: {@link BrokerClock} keeps its best observation and runs on this host's
     * monotonic clock between observations (heartbeats' append times count too).
     */
    private void tick() {
        long now = monotonicMillis();
        if (!trackers.isEmpty() && (lastTick == Long.MIN_VALUE || now - lastTick >= CLOCK_TICK_MILLIS)) {
            lastTick = now;
            sink.clockTick(brokerClock);
        }
    }

    private void refreshWatermarks() {
        long nanos = System.nanoTime();
        long now = brokerClock.now(nanos);
        long monotonic = nanos / 1_000_000L;
        if (!trackers.isEmpty() && now != BrokerClock.UNKNOWN
                && (lastRefresh == Long.MIN_VALUE || monotonic - lastRefresh >= settings.watermarkRefresh().toMillis())) {
            lastRefresh = monotonic;
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
        long now = brokerClock.now(System.nanoTime());
        if (now == BrokerClock.UNKNOWN) {
            gauges.update(tracked(), -1);
            health.passed(monotonicMillis(), trackers.isEmpty() ? 0 : -1);
            return;
        }
        List<Outcome> out = new ArrayList<>();
        int tracked = 0;
        for (Map.Entry<Integer, LivenessTracker> entry : trackers.entrySet()) {
            long upTo = judgedUpTo(entry.getKey(), now);
            tracked += entry.getValue().size();
            if (upTo != Watermarks.NONE) {
                entry.getValue().judge(upTo, out);
            }
        }
        deliver(out);
        long lowest = watermarks.lowest();
        long holdBack = lowest == Long.MAX_VALUE ? 0 : lowest == Watermarks.NONE ? -1 : Math.max(0, now - lowest);
        gauges.update(tracked, holdBack);
        health.passed(monotonicMillis(), holdBack);
    }

    /** How far a partition may be judged at broker time {@code now}; {@link Watermarks#NONE} without a watermark. */
    private long judgedUpTo(int partition, long now) {
        long watermark = watermarks.watermark(partition);
        return watermark == Watermarks.NONE ? Watermarks.NONE
                : Math.min(watermark - settings.clockSkewMargin().toMillis(), now);
    }

    /** Milliseconds this engine has not been judging (0 while it judges): failing, rebuilding or lagging too long. */
    public long notJudgingMillis() {
        return health.notJudgingMillis(monotonicMillis());
    }

    /** Times the engine failed and rebuilt. */
    public long failures() {
        return health.failures();
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
            trackers.computeIfAbsent(tp.partition(), p -> new LivenessTracker(settings.defaults(),
                    settings.rebuildLookback().toMillis() / 2));
            watermarks.assigned(tp.partition());
        }
        Rebalance.seekForRebuild(consumer, partitions, now - settings.rebuildLookback().toMillis());
        gate.assigned(consumer, partitions);
        lastRefresh = Long.MIN_VALUE;
        health.assigned(true);
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
