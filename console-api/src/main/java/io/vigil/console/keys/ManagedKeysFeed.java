package io.vigil.console.keys;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.apikey.ApiKeyRecord;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import io.vigil.kafka.KafkaFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the compacted {@code vigil.internal.api-keys} in full, from the beginning, without a consumer group (every
 * replica of every console service needs every key), into the {@link ManagedKeys} the {@code api-secret-key} check
 * uses, and follows it: a new or revoked key takes effect here about as soon as its owner published it. Loaded once
 * it has caught up with the end offsets found at start ({@link ManagedKeysReadiness}). Runs only where
 * {@code vigil.managed-api-keys.enabled} is true (the services that serve {@code /api}).
 */
@ApplicationScoped
public class ManagedKeysFeed {

    private static final Logger LOG = Logger.getLogger(ManagedKeysFeed.class);
    /** How long to wait before looking again for a topic that does not exist yet (the topic Job may still run). */
    private static final Duration MISSING_TOPIC_RETRY = Duration.ofSeconds(5);

    private final ManagedKeys keys = new ManagedKeys();
    private final boolean enabled;
    private final KafkaClientFactory kafka;
    private final KafkaFailures failures;
    private final String clientId;
    private volatile boolean loaded;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public ManagedKeysFeed(@ConfigProperty(name = "vigil.managed-api-keys.enabled", defaultValue = "false")
                           boolean enabled, KafkaClientFactory kafka, KafkaConnection failures,
                           @ConfigProperty(name = "quarkus.application.name", defaultValue = "vigil") String service) {
        this.enabled = enabled;
        this.kafka = kafka;
        this.failures = failures;
        this.clientId = service + "-api-keys";
    }

    @Produces
    @Singleton
    ManagedKeys keys() {
        return keys;
    }

    public boolean enabled() {
        return enabled;
    }

    /** True once the keys that existed at start are in memory. */
    public boolean loaded() {
        return loaded;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            Thread.ofPlatform().name("managed-api-keys").daemon().start(this::run);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> reader = kafka.consumer(clientId, null,
                    Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
                consumer = reader;
                follow(reader);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // refused credentials or ACLs: reported once with the setting to fix, held until the check passes
                if (failures.failed(clientId, e, () -> running)) {
                    LOG.warnf("managed API key feed failed, restarting: %s", e.getMessage());
                }
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> reader) {
        List<TopicPartition> partitions = reader.partitionsFor(Topics.API_KEYS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.API_KEYS, p.partition())).toList();
        if (partitions.isEmpty()) {
            LOG.warnf("topic %s does not exist yet: managed API keys are refused until it does", Topics.API_KEYS);
            LockSupport.parkNanos(MISSING_TOPIC_RETRY.toNanos());
            return;
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                apply(keys, record);
            }
            if (!loaded && ends.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue())) {
                loaded = true;
                LOG.infof("managed API keys loaded: %d keys", keys.size());
            }
        }
    }

    /** Applies one record; an unreadable one is skipped (its owner wrote it, so only logged here). */
    static void apply(ManagedKeys keys, ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                keys.remove(Long.parseLong(record.key()));
            } else {
                keys.put(ManagedKey.of(EventJson.readEvent(record.value(), ApiKeyRecord.class).data()));
            }
        } catch (RuntimeException e) {
            LOG.warnf("ignoring unreadable API key record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }
}
