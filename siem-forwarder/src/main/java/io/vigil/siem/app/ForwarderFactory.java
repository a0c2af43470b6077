package io.vigil.siem.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.siem.directory.ComputerDirectory;
import io.vigil.siem.directory.DirectoryFeed;
import io.vigil.siem.format.EventFormatter;
import io.vigil.siem.format.Rfc5424;
import io.vigil.siem.forward.Backoff;
import io.vigil.siem.forward.Forwarder;
import io.vigil.siem.forward.ForwarderMetrics;
import io.vigil.siem.forward.KafkaDeadLetters;
import io.vigil.siem.forward.Receiver;
import io.vigil.siem.receiver.ReceiverSpec;
import io.vigil.siem.receiver.SocketSender;
import io.vigil.siem.receiver.TlsContexts;
import io.vigil.kafka.KafkaClientFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the forwarder's parts from plain values: used by the Quarkus service and by the benchmark. */
public final class ForwarderFactory {

    private ForwarderFactory() {
    }

    /** What the delivery loop needs besides its receivers (from {@link SiemConfig}). */
    public record Settings(String groupId, int batchSize, String productVersion, int facility, String hostName,
                           Duration backoffInitial, Duration backoffMax) {
        static Settings of(SiemConfig config, String hostName) {
            return new Settings(config.groupId(), config.delivery().batchSize(), config.productVersion(),
                    config.syslog().facility(), hostName, config.delivery().backoffInitial(),
                    config.delivery().backoffMax());
        }
    }

    public static List<Receiver> receivers(List<ReceiverSpec> specs, Optional<Path> trustStore,
                                           Optional<String> trustStorePassword, boolean verifyHostName,
                                           Duration connectTimeout, Duration deliveryTimeout) {
        SSLContext context = specs.stream().anyMatch(ReceiverSpec::tls)
                ? TlsContexts.client(trustStore, trustStorePassword) : null;
        return specs.stream().map(spec -> new Receiver(spec, new SocketSender(spec,
                spec.tls() ? context.getSocketFactory() : SocketFactory.getDefault(), connectTimeout,
                deliveryTimeout, verifyHostName))).toList();
    }

    /** The delivery loop's consumer: the service's group, manual commits, eager (range) rebalancing. */
    public static Forwarder forwarder(KafkaClientFactory kafka, Settings config, List<Receiver> receivers,
                                      ComputerDirectory directory, Producer<String, byte[]> deadLetters,
                                      MeterRegistry registry) {
        return forwarder(kafka, config, receivers, directory, deadLetters, new ForwarderMetrics(registry, receivers));
    }

    /** The same with metrics that outlive one loop (a restarted loop keeps counting on the same meters). */
    public static Forwarder forwarder(KafkaClientFactory kafka, Settings config, List<Receiver> receivers,
                                      ComputerDirectory directory, Producer<String, byte[]> deadLetters,
                                      ForwarderMetrics metrics) {
        KafkaConsumer<String, byte[]> consumer = kafka.consumer(config.groupId() + "-forwarder", config.groupId(),
                Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize(),
                        // eager rebalancing: a rebalance revokes everything, so a dropped pending batch is re-read
                        // from the commit
                        ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        return new Forwarder(consumer, new EventFormatter(config.productVersion(), directory),
                new Rfc5424(config.facility(), config.hostName()), receivers, new KafkaDeadLetters(deadLetters),
                metrics, new Backoff(config.backoffInitial(), config.backoffMax()),
                Duration.ofMillis(500));
    }

    /** The directory's consumer: no group (it assigns partitions itself), nothing committed. */
    public static DirectoryFeed directoryFeed(KafkaClientFactory kafka, ComputerDirectory directory) {
        return new DirectoryFeed(kafka.consumer("siem-forwarder-directory", null,
                Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), directory);
    }

    public static Producer<String, byte[]> deadLetterProducer(KafkaClientFactory kafka) {
        return kafka.producer("siem-forwarder-dead-letters",
                Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }
}
