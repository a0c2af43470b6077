package io.vigil.siem.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import io.vigil.kafka.KafkaFailures;
import io.vigil.kafka.KafkaProblem;
import io.vigil.siem.directory.ComputerDirectory;
import io.vigil.siem.directory.DirectoryFeed;
import io.vigil.siem.forward.Forwarder;
import io.vigil.siem.forward.Receiver;
import io.vigil.siem.receiver.ReceiverSpec;
import io.vigil.siem.receiver.ReceiverUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Starts the directory feed and the delivery loop on their own threads, and stops them with the application. */
@ApplicationScoped
public class ForwarderService {

    private static final Logger LOG = Logger.getLogger(ForwarderService.class);

    private final SiemConfig config;
    private final MeterRegistry registry;
    private final KafkaClientFactory kafka;
    private final KafkaFailures failures;
    private volatile List<Receiver> receivers = List.of();
    private volatile Forwarder forwarder;
    private DirectoryFeed feed;
    private Producer<String, byte[]> deadLetters;

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
        feed = ForwarderFactory.directoryFeed(kafka, directory);
        deadLetters = ForwarderFactory.deadLetterProducer(kafka);
        forwarder = ForwarderFactory.forwarder(kafka, ForwarderFactory.Settings.of(config, hostName()),
                receivers, directory, deadLetters, registry);
        Thread.ofPlatform().name("siem-directory").daemon().start(() -> reporting("siem-forwarder-directory", feed));
        Thread.ofPlatform().name("siem-forwarder").daemon().start(() -> reporting(config.groupId() + "-forwarder",
                () -> {
                    try {
                        if (!feed.awaitLoaded(config.directoryLoadTimeout())) {
                            LOG.warn("computer directory not loaded in time: forwarding without host names for now");
                        }
                        forwarder.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        LOG.infof("forwarding to %s", specs.stream().map(ReceiverSpec::name).toList());
    }

    void stop(@Observes ShutdownEvent event) {
        if (forwarder != null) {
            forwarder.stop();
            feed.stop();
            deadLetters.close();
        }
    }

    /** Ready when idle by configuration, or when the delivery loop runs. */
    public boolean ready() {
        return receivers.isEmpty() || (forwarder != null && forwarder.polling());
    }

    public List<Receiver> receivers() {
        return receivers;
    }

    /**
     * Runs a Kafka loop; a failure that ends it is reported (a refused password or ACL turns readiness DOWN with the
     * setting to fix, logged once) instead of dying silently on its thread.
     */
    private void reporting(String client, Runnable loop) {
        try {
            loop.run();
        } catch (RuntimeException e) {
            failures.failed(client, e, () -> false);
            if (!KafkaProblem.permanent(e)) { // a permanent one was logged with the setting to fix
                LOG.errorf("Kafka client %s stopped: %s", client, e.toString());
            }
        }
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
