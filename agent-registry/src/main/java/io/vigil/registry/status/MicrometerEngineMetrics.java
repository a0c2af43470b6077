package io.vigil.registry.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.events.Topics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The engine's metrics on /q/metrics. */
final class MicrometerEngineMetrics implements EngineMetrics {

    private final MeterRegistry registry;
    private final Counter heartbeats;
    private final DistributionSummary batchSize;
    private final Counter transitions;
    private final Timer flushDuration;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    MicrometerEngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.heartbeats = Counter.builder("vigil.registry.heartbeats.consumed")
                .description("heartbeats consumed from vigil.heartbeats").register(registry);
        this.batchSize = DistributionSummary.builder("vigil.registry.flush.batch.size")
                .description("computers written per status flush").register(registry);
        this.transitions = Counter.builder("vigil.registry.status.transitions")
                .description("status transitions published on vigil.computer-status").register(registry);
        this.flushDuration = Timer.builder("vigil.registry.flush.duration")
                .description("time to publish transitions, write the batch and commit offsets").register(registry);
    }

    @Override
    public void consumed(String topic, int records) {
        if (Topics.HEARTBEATS.equals(topic)) {
            heartbeats.increment(records);
        }
        Counter.builder("vigil.registry.records.consumed").tag("topic", topic).register(registry).increment(records);
    }

    @Override
    public void flushed(int computers, int transitionCount, long nanos) {
        batchSize.record(computers);
        transitions.increment(transitionCount);
        flushDuration.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void lag(String topic, long records) {
        lags.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("vigil.registry.consumer.lag", value, AtomicLong::get).tag("topic", t)
                    .description("records not yet consumed by the status engine").register(registry);
            return value;
        }).set(records);
    }

    @Override
    public void rowRefused() {
        Counter.builder("vigil.registry.rows.refused")
                .description("computer status rows the database refused, left out of a flush").register(registry)
                .increment();
    }

    @Override
    public void deadLettered(String topic) {
        Counter.builder("vigil.registry.dead.letters").tag("topic", topic).register(registry).increment();
    }
}
