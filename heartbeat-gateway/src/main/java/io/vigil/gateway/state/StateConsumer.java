package io.vigil.gateway.state;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.PolicyConfiguration;
import io.vigil.events.operations.OperationFailures;
import io.vigil.gateway.operations.FailureMemory;
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
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the compacted topics in full, from the beginning, without a consumer group (every replica needs all of them),
 * into the {@link ComputerDirectory} and the {@link FailureMemory} (operation failures recorded by any replica). Ready
 * once it has caught up with the end offsets found at start.
 */
@ApplicationScoped
public class StateConsumer {

    private static final Logger LOG = Logger.getLogger(StateConsumer.class);
    private static final List<String> TOPICS = List.of(Topics.COMPUTERS, Topics.COMPUTER_CONFIG, Topics.POLICY_CONFIG,
            Topics.OPERATION_FAILURES);

    private final ComputerDirectory directory = new ComputerDirectory();
    private final FailureMemory failures = new FailureMemory();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private final KafkaClientFactory kafka;
    private final KafkaFailures kafkaFailures;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private Thread thread;

    public StateConsumer(KafkaClientFactory kafka, KafkaConnection kafkaFailures) {
        this.kafka = kafka;
        this.kafkaFailures = kafkaFailures;
    }

    @Produces
    @Singleton
    ComputerDirectory directory() {
        return directory;
    }

    @Produces
    @Singleton
    FailureMemory failureMemory() {
        return failures;
    }

    public boolean caughtUp() {
        return caughtUp.get();
    }

    void start(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("gateway-state-consumer").daemon().start(this::run);
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
            // no group: every replica reads everything, nothing is committed
            try (KafkaConsumer<String, byte[]> reader = kafka.consumer("gateway-state", null,
                    Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
                consumer = reader;
                consume(reader);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // refused credentials or ACLs: reported once with the setting to fix, held until the check passes
                if (kafkaFailures.failed("gateway-state", e, () -> running)) {
                    LOG.warnf("state consumer failed, restarting: %s", e.getMessage());
                }
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            kafka.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                apply(record);
            }
            if (!caughtUp.get() && ends.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                caughtUp.set(true);
                LOG.info("computer state caught up with the compacted topics");
            }
        }
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        long id;
        try {
            id = Long.parseLong(record.key());
        } catch (NumberFormatException | NullPointerException e) {
            LOG.warnf("ignoring record with key %s on %s", record.key(), record.topic());
            return;
        }
        try {
            switch (record.topic()) {
                case Topics.COMPUTERS -> directory.registration(id, record.value() == null ? null
                        : EventJson.readEvent(record.value(), ComputerRegistration.class).data());
                case Topics.COMPUTER_CONFIG -> directory.computerConfiguration(id, record.value() == null ? null
                        : EventJson.readEvent(record.value(), ComputerConfiguration.class).data());
                case Topics.POLICY_CONFIG -> directory.policyConfiguration(id, record.value() == null ? null
                        : EventJson.readEvent(record.value(), PolicyConfiguration.class).data());
                case Topics.OPERATION_FAILURES -> failures.replace(id, record.value() == null ? null
                        : EventJson.readEvent(record.value(), OperationFailures.class).data());
                default -> LOG.debugf("ignoring topic %s", record.topic());
            }
        } catch (EventJson.MalformedEventException e) {
            // the owning service's consumers dead-letter it; every gateway replica reads it, so only log here
            LOG.warnf("ignoring unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }
}
