package io.vigil.siem.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import io.vigil.kafka.KafkaFailures;
import io.vigil.siem.directory.ComputerDirectory;
import io.vigil.siem.directory.DirectoryFeed;
import io.vigil.siem.forward.Forwarder;
import io.vigil.siem.forward.ForwarderMetrics;
import io.vigil.siem.forward.Receiver;
import io.vigil.siem.receiver.ReceiverSpec;
import io.vigil.siem.receiver.ReceiverUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts the directory feed and the delivery loop, each as a {@link RestartingLoop} on its own thread, and stops them
 * with the application. A loop that Kafka refuses is held until the connection check passes again and then rebuilt
 * with fresh clients; any other failure restarts it after {@link #RESTART_DELAY}.
 */
@ApplicationScoped
public class ForwarderService {

    private static final Logger LOG = Logger.getLogger(ForwarderService.class);
    static final Duration RESTART_DELAY = Duration.ofSeconds(5);

    private final SiemConfig config;
    private final MeterRegistry registry;
    private final KafkaClientFactory kafka;
    private final KafkaFailures failures;
    private volatile List<Receiver> receivers = List.of();
    private volatile Forwarder forwarder;
    private volatile DirectoryFeed feed;
    private Producer<String, byte[]> deadLetters;
    private ScheduledExecutorService loops;
    private RestartingLoop directoryLoop;
    private RestartingLoop deliveryLoop;

    public ForwarderService(SiemConfig config, MeterRegistry registry, KafkaClientFactory kafka,
                            KafkaConnection failures) {
        this.config = config;
        this.registry = registry;
        this.kafka = kafka;
        this.failures = failures;
    }

    void start(@Observes StartupEvent event) {
        List<ReceiverSpec> specs = ReceiverUrls.parse(config.syslog().url().orElse(""));
        if (specs.isEmpty()) {
            LOG.info("no syslog receivers configured (vigil.siem.syslog.url): nothing to forward");
            return;
        }
        receivers = ForwarderFactory.receivers(specs, config.tls().trustStore(), config.tls().trustStorePassword(),
                config.tls().verifyHostname(), config.delivery().connectTimeout(), config.delivery().timeout());
        ComputerDirectory directory = new ComputerDirectory();
        ForwarderMetrics metrics = new ForwarderMetrics(registry, receivers);
        ForwarderFactory.Settings settings = ForwarderFactory.Settings.of(config, hostName());
        deadLetters = ForwarderFactory.deadLetterProducer(kafka);
        loops = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name("siem-kafka-loop-", 0).daemon()
                .factory());
        directoryLoop = new RestartingLoop("siem-forwarder-directory", () -> {
            DirectoryFeed fresh = ForwarderFactory.directoryFeed(kafka, directory);
            feed = fresh;
            return RestartingLoop.Run.of(fresh, fresh::stop);
        }, failures, loops, RESTART_DELAY);
        deliveryLoop = new RestartingLoop(config.groupId() + "-forwarder", () -> {
            Forwarder fresh = ForwarderFactory.forwarder(kafka, settings, receivers, directory, deadLetters, metrics);
            forwarder = fresh;
            return RestartingLoop.Run.of(() -> deliver(fresh), fresh::stop);
        }, failures, loops, RESTART_DELAY);
        directoryLoop.start();
        deliveryLoop.start();
        LOG.infof("forwarding to %s", specs.stream().map(ReceiverSpec::name).toList());
    }

    /** Waits (bounded) for the computer directory, then runs the delivery loop until it is stopped or fails. */
    private void deliver(Forwarder delivery) {
        try {
            DirectoryFeed current = feed;
            if (current == null || !current.awaitLoaded(config.directoryLoadTimeout())) {
                LOG.warn("computer directory not loaded in time: forwarding without host names for now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        delivery.run();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loops != null) {
            deliveryLoop.stop();
            directoryLoop.stop();
            loops.shutdown();
            try {
                loops.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deadLetters.close();
        }
    }

    /** Ready when idle by configuration, or when the delivery loop runs. */
    public boolean ready() {
        Forwarder current = forwarder;
        return receivers.isEmpty() || (current != null && current.polling());
    }

    public List<Receiver> receivers() {
        return receivers;
    }

    private String hostName() {
        return config.syslog().hostname().orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "vigil";
            }
        });
    }
}
