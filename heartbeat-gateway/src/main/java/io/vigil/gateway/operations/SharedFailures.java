package io.vigil.gateway.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.gateway.heartbeat.HeartbeatEvents;
import io.vigil.gateway.kafka.EventPublisher;
import io.vigil.gateway.state.ExpectedConfiguration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Records operation results in the {@link FailureMemory} and publishes every change to the compacted topic
 * {@code vigil.internal.operation-failures} (key = computer; a tombstone when nothing is failed any more), which every
 * replica reads in full ({@code StateConsumer}). Publishing is best effort: the heartbeat is already recorded, and a
 * lost record only means another replica may send the failed operation once more.
 */
@ApplicationScoped
public class SharedFailures {

    private static final Logger LOG = Logger.getLogger(SharedFailures.class);

    private final FailureMemory memory;
    private final EventPublisher publisher;
    private final MeterRegistry metrics;
    /**
     * Where the changes are sent, one after another: not on the caller's thread, which may be the producer's network
     * thread completing a heartbeat's send (see {@code HeartbeatService}; a send waiting there for the topic's metadata
     * would wait for that very thread), and in the order they were recorded, so that the compacted topic keeps a
     * computer's latest change, not one overtaken by an older one.
     */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("operation-failures").factory());

    public SharedFailures(FailureMemory memory, EventPublisher publisher, MeterRegistry metrics) {
        this.memory = memory;
        this.publisher = publisher;
        this.metrics = metrics;
        metrics.gauge("vigil.gateway.operations.failed.computers", memory, FailureMemory::size);
    }

    public FailureMemory memory() {
        return memory;
    }

    public void record(long computerID, List<FailureMemory.Outcome> outcomes, ExpectedConfiguration expected,
                       String certificateSerial, Instant now) {
        memory.record(computerID, outcomes, expected, certificateSerial, now).ifPresent(this::publish);
    }

    private void publish(FailureMemory.Change change) {
        String key = CloudEvents.computerKey(change.computerID());
        metrics.counter("vigil.gateway.operations.failures.published",
                "kind", change.failures() == null ? "cleared" : "failed").increment();
        sender.execute(() -> send(key, change));
    }

    @PreDestroy
    void close() {
        sender.close(); // the changes already recorded are still sent
    }

    private void send(String key, FailureMemory.Change change) {
        publisher.publish(new EventPublisher.Outgoing(Topics.OPERATION_FAILURES, key, change.failures() == null ? null
                        : CloudEvents.create(HeartbeatEvents.SOURCE, EventTypes.OPERATION_FAILURES, key, change.failures())))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warnf("could not share the operation failures of computer %d: %s", change.computerID(),
                                error);
                    }
                });
    }
}
