package io.vigil.console.keys;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.apikey.ApiKeyUsed;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.kafka.KafkaClientFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reports the last use of managed keys without a write per request: every {@code vigil.managed-api-keys.usage-interval}
 * one {@code vigil.internal.api-key-usage} record per key used here since the last report, with the latest time.
 * Uses that Kafka did not take are reported with the next ones; the owner keeps the latest time of all services.
 */
@ApplicationScoped
public class UsageReporter {

    private static final Logger LOG = Logger.getLogger(UsageReporter.class);

    private final ManagedKeysFeed feed;
    private final ManagedKeys keys;
    private final KafkaClientFactory kafka;
    private final Duration interval;
    private final String service;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("managed-api-key-usage").daemon().factory());
    private KafkaProducer<String, byte[]> producer;

    public UsageReporter(ManagedKeysFeed feed, ManagedKeys keys, KafkaClientFactory kafka,
                         @ConfigProperty(name = "vigil.managed-api-keys.usage-interval", defaultValue = "10s")
                         Duration interval,
                         @ConfigProperty(name = "quarkus.application.name", defaultValue = "vigil") String service) {
        this.feed = feed;
        this.keys = keys;
        this.kafka = kafka;
        this.interval = interval;
        this.service = service;
    }

    void start(@Observes StartupEvent event) {
        if (feed.enabled()) {
            scheduler.scheduleWithFixedDelay(this::report, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        scheduler.shutdown();
        if (feed.enabled()) {
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
                report();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Sends the uses noted since the last report and waits for Kafka's acks; what failed is kept for the next. */
    void report() {
        Map<Long, Instant> used = keys.drainUsage();
        if (used.isEmpty()) {
            return;
        }
        Map<Long, Instant> unreported = new HashMap<>(used);
        try {
            if (producer == null) {
                producer = kafka.producer(service + "-api-key-usage", Map.of());
            }
            Map<Long, Future<RecordMetadata>> sent = new HashMap<>();
            used.forEach((id, at) -> sent.put(id, producer.send(new ProducerRecord<>(Topics.API_KEY_USAGE,
                    Long.toString(id), EventJson.toBytes(CloudEvents.create("/vigil/" + service,
                    EventTypes.API_KEY_USED, null, new ApiKeyUsed(id, at, service)))))));
            for (Map.Entry<Long, Future<RecordMetadata>> entry : sent.entrySet()) {
                entry.getValue().get(30, TimeUnit.SECONDS);
                unreported.remove(entry.getKey());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not report the use of %d managed API keys, retrying with the next report: %s",
                    unreported.size(), e.toString());
        } finally {
            keys.restoreUsage(unreported);
        }
    }
}
