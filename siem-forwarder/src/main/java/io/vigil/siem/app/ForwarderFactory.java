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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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

    public static Forwarder forwarder(String bootstrap, Settings config, List<Receiver> receivers,
                                      ComputerDirectory directory, Producer<String, byte[]> deadLetters,
                                      MeterRegistry registry) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-forwarder");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        // eager rebalancing: a rebalance revokes everything, so a dropped pending batch is re-read from the commit
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        ForwarderMetrics metrics = new ForwarderMetrics(registry, receivers);
        return new Forwarder(consumer, new EventFormatter(config.productVersion(), directory),
                new Rfc5424(config.facility(), config.hostName()), receivers, new KafkaDeadLetters(deadLetters),
                metrics, new Backoff(config.backoffInitial(), config.backoffMax()),
                Duration.ofMillis(500));
    }

    public static DirectoryFeed directoryFeed(String bootstrap, ComputerDirectory directory) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "siem-forwarder-directory");
        return new DirectoryFeed(new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer()),
                directory);
    }

    public static Producer<String, byte[]> deadLetterProducer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "siem-forwarder-dead-letters");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
