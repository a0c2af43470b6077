package io.vigil.alerts.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.alerts.AlertsConfig;
import io.vigil.alerts.liveness.LivenessSettings;
import io.vigil.alerts.outage.OutageMonitor;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Runs this instance's deadline engine for the life of the application (and lets tests stop and start it). */
@ApplicationScoped
public class EngineRunner {

    private final AlertsConfig config;
    private final KafkaClientFactory kafka;
    private final KafkaConnection connection;
    private final EngineSink sink;
    private final OutageMonitor outage;
    private final MeterRegistry meters;
    private volatile DeadlineEngine engine;

    public EngineRunner(AlertsConfig config, KafkaClientFactory kafka, KafkaConnection connection, EngineSink sink,
                        OutageMonitor outage, MeterRegistry meters) {
        this.config = config;
        this.kafka = kafka;
        this.connection = connection;
        this.sink = sink;
        this.outage = outage;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("vigil.alerts.judgement.holdback", this, r -> r.gauge(EngineGauges::holdBackMillis) / 1000.0)
                .description("seconds between now and the watermark up to which deadlines are judged")
                .baseUnit("seconds").register(meters);
        Gauge.builder("vigil.alerts.consumer.lag", this, r -> r.gauge(EngineGauges::lag))
                .description("records not yet read from the heartbeat, configuration and registration topics")
                .register(meters);
        Gauge.builder("vigil.alerts.tracked.computers", this, r -> r.gauge(EngineGauges::tracked))
                .register(meters);
        Gauge.builder("vigil.alerts.engine.judging", this, r -> r.judging() ? 1 : 0)
                .description("1 while the deadline engine judges deadlines, 0 while it fails, rebuilds or lags too long")
                .register(meters);
        Gauge.builder("vigil.alerts.engine.not.judging", this, r -> r.notJudgingMillis() / 1000.0)
                .description("seconds the deadline engine has not been judging (0 while it judges)")
                .baseUnit("seconds").register(meters);
        FunctionCounter.builder("vigil.alerts.engine.failures", this, r -> r.failures())
                .description("times the deadline engine failed and rebuilt its partitions").register(meters);
        if (config.engine().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Whether the engine judges now (or is disabled on purpose). */
    public boolean judging() {
        DeadlineEngine current = engine;
        return !config.engine().enabled() || current != null && current.running() && current.notJudgingMillis() == 0;
    }

    long notJudgingMillis() {
        DeadlineEngine current = engine;
        return current == null ? 0 : current.notJudgingMillis();
    }

    private long failures;

    private double failures() {
        DeadlineEngine current = engine;
        return failures + (current == null ? 0 : current.failures());
    }

    private double gauge(java.util.function.ToDoubleFunction<EngineGauges> value) {
        DeadlineEngine current = engine;
        return current == null ? 0 : value.applyAsDouble(current.gauges());
    }

    /** A new engine of this service's group (the second instance of a rebalance test is another one of these). */
    public DeadlineEngine newEngine() {
        AlertsConfig.Engine e = config.engine();
        LivenessSettings defaults = new LivenessSettings((int) config.defaults().heartbeatInterval().toSeconds(),
                Math.max(LivenessSettings.UNLIMITED, config.defaults().missedThreshold()), LivenessSettings.UNLIMITED,
                false);
        EngineSettings settings = new EngineSettings(kafka, connection, e.groupId(), e.pollTimeout(),
                e.watermarkRefresh(), e.clockSkewMargin(), e.rebuildLookback(), defaults, e.maxHoldBack());
        DeadlineEngine created = new DeadlineEngine(settings, sink, System::currentTimeMillis);
        outage.register(created);
        return created;
    }

    /**
     * An engine apart from this service's own (tests: another group, rebuild window, host clock, sink); it is not
     * counted for platform-outage.
     */
    public DeadlineEngine newEngine(java.util.function.UnaryOperator<EngineSettings> adjust, OutcomeSink to,
                                    java.util.function.LongSupplier hostClock) {
        DeadlineEngine regular = newEngine();
        outage.unregister(regular);
        return new DeadlineEngine(adjust.apply(regular.settings()), to, hostClock);
    }

    /** This service's sink (alert transitions, liveness events, snapshots, clock ticks). */
    public OutcomeSink sink() {
        return sink;
    }

    public synchronized void start() {
        if (engine == null) {
            engine = newEngine();
            engine.start();
        }
    }

    public synchronized void stop() {
        if (engine != null) {
            failures += engine.failures();
            engine.close();
            outage.unregister(engine);
            engine = null;
        }
    }

    public DeadlineEngine engine() {
        return engine;
    }
}
