package io.vigil.registry.configuration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.JsonCanonicalizer;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.registry.config.RegistryConfig;
import io.vigil.registry.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps every configuration document the platform publishes on {@code vigil.internal.computer-config} (keyed by its
 * fingerprint, computed here from the document) and each computer's latest one with its sources, in the registry's
 * own tables. At least once and idempotent: a batch is stored in one transaction, then its offsets are committed; a
 * failure rereads from the last commit after 2 s. A record without a readable configuration is skipped (the status
 * engine dead-letters it).
 */
@ApplicationScoped
public class PublishedConfigurations {

    private static final Logger LOG = Logger.getLogger(PublishedConfigurations.class);
    private static final long RETRY_MS = 2_000;

    private final RegistryConfig config;
    private final KafkaClientFactory kafka;
    private final ConfigurationStore store;
    private final Counter stored;
    private volatile boolean stopped;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private ScheduledThreadPoolExecutor runner;

    public PublishedConfigurations(RegistryConfig config, KafkaClientFactory kafka, ConfigurationStore store,
                                   MeterRegistry meters) {
        this.config = config;
        this.kafka = kafka;
        this.store = store;
        this.stored = Counter.builder("vigil.registry.published.configurations")
                .description("computer configuration records kept (documents by fingerprint, expected per computer)")
                .register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.configurations().enabled()) {
            runner = new ScheduledThreadPoolExecutor(1,
                    Thread.ofPlatform().name("registry-published-configurations").daemon().factory());
            runner.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            runner.execute(this::run);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (runner != null) {
            runner.shutdown(); // woken up, the loop returns and closes its consumer
            try {
                runner.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> c = KafkaClients.consumer(kafka, "agent-registry-configurations",
                config.configurations().groupId(), 500)) {
            consumer = c;
            c.subscribe(List.of(Topics.COMPUTER_CONFIG));
            while (!stopped) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofSeconds(1));
                if (records.isEmpty()) {
                    continue;
                }
                List<ConfigurationStore.Published> batch = new ArrayList<>();
                records.forEach(r -> decode(r, batch));
                store.store(batch);
                c.commitSync();
                stored.increment(batch.size());
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            return;
        } catch (Exception e) {
            if (!stopped) {
                LOG.errorf("published configurations not kept, retrying in %d s: %s", RETRY_MS / 1000,
                        e.getMessage());
                runner.schedule(this::run, RETRY_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            consumer = null;
        }
    }

    private static void decode(ConsumerRecord<String, byte[]> record, List<ConfigurationStore.Published> batch) {
        long id;
        try {
            id = Long.parseLong(record.key());
        } catch (NumberFormatException | NullPointerException e) {
            return;
        }
        if (record.value() == null) {
            batch.add(new ConfigurationStore.Published(id, null, null, 0, null, record.timestamp()));
            return;
        }
        ComputerConfiguration data;
        try {
            data = EventJson.readEvent(record.value(), ComputerConfiguration.class).data();
        } catch (RuntimeException e) {
            return;
        }
        if (data == null || data.configuration() == null || data.computerID() != id) {
            return;
        }
        var document = ConfigFingerprint.document(data.configuration());
        batch.add(new ConfigurationStore.Published(id, ConfigFingerprint.ofDocument(document),
                JsonCanonicalizer.canonicalize(document), data.policyID(), data.configurationSources(),
                record.timestamp()));
    }
}
