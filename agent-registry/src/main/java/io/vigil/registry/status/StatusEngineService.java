package io.vigil.registry.status;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import io.vigil.kafka.KafkaFailures;
import io.vigil.registry.config.RegistryConfig;
import io.vigil.registry.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link StatusEngine} on its own thread and restarts it after a failure: a restart discards memory and
 * rebuilds from the database and the Kafka log.
 */
@ApplicationScoped
public class StatusEngineService {

    private static final Logger LOG = Logger.getLogger(StatusEngineService.class);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(2);

    private final RegistryConfig config;
    private final AgroalDataSource dataSource;
    private final KafkaClientFactory kafka;
    private final KafkaFailures failures;
    private final EngineMetrics metrics;
    private final ListeningPortSink ports;
    private volatile boolean stopped;
    private volatile StatusEngine engine;
    private ScheduledExecutorService runner;
    private KafkaProducer<String, byte[]> producer;

    public StatusEngineService(RegistryConfig config, AgroalDataSource dataSource, MeterRegistry registry,
                               ListeningPortSink ports, KafkaClientFactory kafka, KafkaConnection failures) {
        this.config = config;
        this.dataSource = dataSource;
        this.ports = ports;
        this.kafka = kafka;
        this.failures = failures;
        this.metrics = new MicrometerEngineMetrics(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.status().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the engine thread (also used by tests to restart the engine). */
    public synchronized void start() {
        stopped = false;
        producer = KafkaClients.producer(kafka, "agent-registry-status");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("registry-status-engine").daemon().factory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        runner = executor;
        executor.execute(() -> runEngine(executor));
    }

    /** Flushes and stops the engine thread, waiting for it. */
    public synchronized void stop() {
        stopped = true;
        StatusEngine current = engine;
        if (current != null) {
            current.stop();
        }
        if (runner != null) {
            runner.shutdown(); // the running engine has been told to stop: it flushes and returns
            try {
                runner.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runner = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Runs one engine until it stops; a failed one is replaced, after {@link #RESTART_DELAY}, by a fresh one. */
    private void runEngine(ScheduledExecutorService on) {
        if (stopped) {
            return;
        }
        try {
            StatusEngine fresh = new StatusEngine(
                    KafkaClients.statusConsumer(kafka, "agent-registry-status", config.status().groupId(),
                            config.status().maxPollRecords()),
                    new StatusPublisher(producer), new JdbcStateStore(dataSource), ports, metrics,
                    config.status().flushInterval(), kafka.tracing());
            engine = fresh;
            if (stopped) {
                fresh.stop(); // stop() came while it was being built: run() returns at once
            }
            fresh.run();
        } catch (RuntimeException e) {
            // refused credentials or ACLs: reported once with the setting to fix, held until the check passes
            if (!failures.failed("agent-registry-status", e, () -> !stopped)) {
                return;
            }
            if (!stopped) {
                LOG.errorf("status engine failed, rebuilding from the database and the log in %d s: %s",
                        RESTART_DELAY.toSeconds(), e.getMessage());
                on.schedule(() -> runEngine(on), RESTART_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (!stopped) {
            on.execute(() -> runEngine(on));
        }
    }
}
