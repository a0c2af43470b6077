package io.vigil.alerts.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vigil.alerts.alert.AlertService;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.alerts.outage.OutageMonitor;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns the engine's judgements into effects: {@code LivenessChanged} on {@code vigil.internal.liveness}, alert
 * transitions through {@link AlertService} (stored and put in the outbox before this returns), dead letters.
 */
@ApplicationScoped
public class EngineSink implements OutcomeSink {

    private static final Logger LOG = Logger.getLogger(EngineSink.class);
    private static final String SOURCE = "/vigil/alert-service";
    private static final int CHUNK = 500;
    private static final String CLOCK_KEY = RecordRouter.CLOCK_KEY_PREFIX + java.util.UUID.randomUUID();

    private final AlertService alerts;
    private final KafkaProducer<String, byte[]> producer;
    private final OutageMonitor outage;
    private final Counter heartbeats;
    private final Timer detection;
    private final MeterRegistry meters;

    public EngineSink(AlertService alerts, KafkaProducer<String, byte[]> producer, OutageMonitor outage,
                      MeterRegistry meters) {
        this.alerts = alerts;
        this.producer = producer;
        this.outage = outage;
        this.meters = meters;
        this.heartbeats = meters.counter("vigil.alerts.heartbeats.consumed");
        this.detection = Timer.builder("vigil.alerts.detection.latency")
                .description("from an agent-offline deadline to the alert being stored")
                .publishPercentileHistogram().register(meters);
    }

    @Override
    public List<Outcome.OfflineAlert> accept(List<Outcome> outcomes) {
        List<Outcome.OfflineAlert> held = new ArrayList<>();
        List<Outcome.OfflineAlert> offline = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            switch (outcome) {
                case Outcome.LivenessUpdate update -> liveness(update);
                case Outcome.OfflineAlert alert -> {
                    LOG.debugf("computer %d missed heartbeat %d (deadline %s): agent-offline", alert.computerID(),
                            alert.missedHeartbeats(), Instant.ofEpochMilli(alert.deadline()));
                    offline.add(alert);
                }
                case Outcome.OfflineCleared cleared -> {
                    raise(offline, held);
                    await(() -> alerts.clearOffline(cleared));
                }
                case Outcome.ClockChangeDetected change -> await(() -> alerts.clockChange(change));
                case Outcome.Snapshot snapshot -> snapshot(snapshot);
            }
        }
        raise(offline, held);
        return held;
    }

    @Override
    public boolean offlineAlertsAllowed() {
        return outage.perComputerAlertsAllowed();
    }

    @Override
    public boolean platformOutage() {
        return outage.active();
    }

    /**
     * Raises the collected offline alerts together (in chunks), keeping their order before later transitions; while
     * a platform-outage is active or suspected they are held back instead (the computer is published offline with
     * reason {@code platform-outage}) and the engine raises them once it is over and their allowance has passed.
     */
    private void raise(List<Outcome.OfflineAlert> offline, List<Outcome.OfflineAlert> held) {
        if (offline.isEmpty()) {
            return;
        }
        if (!outage.perComputerAlertsAllowed()) {
            for (Outcome.OfflineAlert alert : offline) {
                publish(new LivenessChanged(alert.computerID(), alert.missedHeartbeats(), true,
                        Instant.ofEpochMilli(alert.lastHeartbeatAt()), Instant.ofEpochMilli(alert.judgedAt()),
                        LivenessChanged.PLATFORM_OUTAGE));
            }
            held.addAll(offline);
            offline.clear();
            return;
        }
        for (int from = 0; from < offline.size(); from += CHUNK) {
            List<Outcome.OfflineAlert> chunk = List.copyOf(offline.subList(from, Math.min(offline.size(),
                    from + CHUNK)));
            List<Outcome.OfflineAlert> raised = await(() -> alerts.raiseOffline(chunk));
            long now = System.currentTimeMillis();
            for (Outcome.OfflineAlert alert : raised) {
                LOG.infof("computer %d offline: agent-offline raised (deadline %s)", alert.computerID(),
                        Instant.ofEpochMilli(alert.deadline()));
                detection.record(Duration.ofMillis(Math.max(0, now - alert.deadline())));
            }
        }
        offline.clear();
    }

    private void liveness(Outcome.LivenessUpdate update) {
        if (update.firstMiss()) {
            outage.firstMiss(update.judgedAt());
        }
        publish(new LivenessChanged(update.computerID(), update.missedHeartbeats(), update.offline(),
                Instant.ofEpochMilli(update.lastHeartbeatAt()), Instant.ofEpochMilli(update.judgedAt())));
    }

    private void publish(LivenessChanged data) {
        String key = CloudEvents.computerKey(data.computerID());
        producer.send(new ProducerRecord<>(Topics.LIVENESS, key, EventJson.toBytes(
                CloudEvents.create(SOURCE, EventTypes.LIVENESS_CHANGED, key, data))), (metadata, error) -> {
                    if (error != null) {
                        LOG.warnf("liveness of computer %d not published: %s", data.computerID(),
                                error.getMessage());
                    }
                });
    }

    /** Runs one transaction; a conflict with a concurrent writer (rebalance overlap) is retried once. */
    private <T> T await(Supplier<Uni<T>> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return VertxContextSupport.subscribeAndAwait(work);
            } catch (Throwable e) {
                if (attempt >= 3) {
                    throw new IllegalStateException("storing an alert transition failed: " + e.getMessage(), e);
                }
                LOG.infof("alert transition retried after: %s", e.getMessage());
            }
        }
    }

    @Override
    public void poison(String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
        LOG.warnf("unreadable record %s-%d@%d to the dead-letter topic: %s", topic, partition, offset, reason);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTER,
                key == null ? null : new String(key, StandardCharsets.UTF_8), value);
        record.headers().add("vigil.reason", String.valueOf(reason).getBytes(StandardCharsets.UTF_8));
        record.headers().add("vigil.source-topic", topic.getBytes(StandardCharsets.UTF_8));
        meters.counter("vigil.alerts.dead.letters", "topic", topic).increment();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    LOG.errorf("dead letter of %s-%d@%d not stored: %s", topic, partition, offset, error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("dead letter of %s-%d@%d not sent: %s", topic, partition, offset, e.getMessage());
        }
    }

    private void snapshot(Outcome.Snapshot snapshot) {
        producer.send(new ProducerRecord<>(Topics.LIVENESS_SNAPSHOTS, Long.toString(snapshot.computerID()),
                snapshot.snapshot() == null ? null : EventJson.toBytes(snapshot.snapshot())), (metadata, error) -> {
                    if (error != null) {
                        LOG.warnf("liveness snapshot of computer %d not stored: %s", snapshot.computerID(),
                                error.getMessage());
                    }
                });
    }

    /** The tick goes to the liveness snapshot topic (LogAppendTime) under this instance's own key. */
    @Override
    public void clockTick(BrokerClock clock) {
        // timestamp 0: a topic without LogAppendTime would hand back 0, which the clock ignores
        producer.send(new ProducerRecord<String, byte[]>(Topics.LIVENESS_SNAPSHOTS, null, 0L, CLOCK_KEY, null),
                (metadata, error) -> {
            if (error == null) {
                clock.observed(metadata.timestamp(), System.nanoTime());
            }
        });
    }

    @Override
    public void heartbeatConsumed() {
        heartbeats.increment();
    }
}
