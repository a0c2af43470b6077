package io.vigil.registry.status;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.registry.config.RegistryConfig;
import io.vigil.registry.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs the {@link StatusEngine} on its own thread and restarts it after a failure: a restart discards memory and
 * rebuilds from the database and the Kafka log.
 */
@ApplicationScoped
public class StatusEngineService {

    private static final Logger LOG = Logger.getLogger(StatusEngineService.class);

    private final RegistryConfig config;
    private final AgroalDataSource dataSource;
    private final String bootstrapServers;
    private final EngineMetrics metrics;
    private final ListeningPortSink ports;
    private volatile boolean stopped;
    private volatile StatusEngine engine;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public StatusEngineService(RegistryConfig config, AgroalDataSource dataSource, MeterRegistry registry,
                               ListeningPortSink ports,
                               @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.dataSource = dataSource;
        this.ports = ports;
        this.bootstrapServers = bootstrapServers;
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
        producer = KafkaClients.producer(bootstrapServers, "agent-registry-status");
        thread = Thread.ofPlatform().name("registry-status-engine").daemon().start(this::supervise);
    }

    /** Flushes and stops the engine thread, waiting for it. */
    public synchronized void stop() {
        stopped = true;
        StatusEngine current = engine;
        if (current != null) {
            current.stop();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void supervise() {
        while (!stopped) {
            try {
                engine = new StatusEngine(
                        KafkaClients.consumer(bootstrapServers, config.status().groupId(),
                                config.status().maxPollRecords()),
                        new StatusPublisher(producer), new JdbcStateStore(dataSource), ports, metrics,
                        config.status().flushInterval());
                engine.run();
            } catch (RuntimeException e) {
                LOG.errorf("status engine failed, rebuilding from the database and the log in 2 s: %s",
                        e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
