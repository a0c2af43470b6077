package io.vigil.gateway.heartbeat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.kafka.EventPublisher;
import io.vigil.gateway.operations.FailureMemory;
import io.vigil.gateway.operations.Operation;
import io.vigil.gateway.operations.PendingOperations;
import io.vigil.gateway.operations.SharedFailures;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.gateway.state.ExpectedConfiguration;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Records a heartbeat durably (Kafka acks=all) and answers with the interval, direction and pending operations.
 * When Kafka does not acknowledge within {@code publish.timeout} (every send included, see
 * {@link BoundedPublication}) the agent gets 503 with Retry-After. No thread waits for Kafka: the answer is composed
 * from the acknowledgement, on the thread that completes it.
 */
@ApplicationScoped
@Startup // its counters exist at 0 from the start: dashboards and alert rules see a series before the first event
public class HeartbeatService {

    private static final Logger LOG = Logger.getLogger(HeartbeatService.class);
    /** The producer's {@code max.block.ms} (see {@link EventPublisher}): the longest one send blocks its caller. */
    static final Duration SEND_MAX_BLOCK = Duration.ofSeconds(3);

    private final GatewayConfig config;
    private final BoundedPublication publication;
    private final ComputerDirectory directory;
    private final PendingOperations operations;
    private final SharedFailures failures;
    private final Counter received;
    private final Counter unavailable;

    public HeartbeatService(GatewayConfig config, EventPublisher publisher, ComputerDirectory directory,
                            SharedFailures failures, MeterRegistry metrics) {
        this.config = config;
        this.publication = new BoundedPublication(publisher::publish, config.publish().timeout(), SEND_MAX_BLOCK);
        this.directory = directory;
        this.failures = failures;
        this.operations = new PendingOperations(config.certificateRenewBefore(), failures.memory());
        this.received = metrics.counter("vigil.gateway.heartbeats.received");
        this.unavailable = metrics.counter("vigil.gateway.heartbeats.unavailable");
    }

    /**
     * Publishes the heartbeat and its log entries, then decides the operations. Returns at once: the answer completes
     * once Kafka acknowledged the records, or exceptionally with {@link Unavailable} when they were not recorded.
     *
     * @param certificateNotAfter the expiry of the certificate in use (null when the manager polled)
     */
    public CompletableFuture<HeartbeatAnswer> record(long computerID, Heartbeat heartbeat, Connection connection,
                                                     String certificateSerial, Instant certificateNotAfter) {
        ExpectedConfiguration expected = directory.expected(computerID);
        String hostName = directory.registration(computerID).map(ComputerRegistration::hostName).orElse(null);
        Instant now = Instant.now();
        Map<String, Object> logContext = MDC.getMap(); // the request's, for what runs after the acknowledgement
        return publication.publish(HeartbeatEvents.of(computerID, hostName, heartbeat, connection, expected,
                certificateSerial, now)).handle((recorded, failure) -> {
                    // on the thread that completed the send, mostly the producer's network thread: short, and nothing
                    // here waits (a changed operation failure is sent from a thread of its own, SharedFailures)
                    logContext.forEach(MDC::put);
                    try {
                        return answer(computerID, heartbeat, expected, certificateSerial, certificateNotAfter, now,
                                failure);
                    } finally {
                        logContext.keySet().forEach(MDC::remove);
                    }
                });
    }

    /** Once Kafka answered: the interval, direction and operations for the agent, or {@link Unavailable}. */
    private HeartbeatAnswer answer(long computerID, Heartbeat heartbeat, ExpectedConfiguration expected,
                                   String certificateSerial, Instant certificateNotAfter, Instant now,
                                   Throwable failure) {
        if (failure != null) {
            unavailable.increment();
            warnNotRecorded(computerID, failure);
            throw new Unavailable(config.publish().retryAfterSeconds());
        }
        received.increment();
        failures.record(computerID, heartbeat.operationResults().stream()
                .map(r -> new FailureMemory.Outcome(r.operationID(), r.failed(), r.reason())).toList(),
                expected, certificateSerial, now);
        List<Operation> pending = operations.pending(computerID, heartbeat.configFingerprint(), expected,
                certificateSerial, certificateNotAfter, now);
        return new HeartbeatAnswer(expected.intervalSeconds(), expected.direction(), pending);
    }

    private static void warnNotRecorded(long computerID, Throwable failure) {
        LOG.warnf("heartbeat of computer %d not recorded: %s", computerID,
                BoundedPublication.cause(failure).getMessage());
    }

    /** 503: the platform cannot record the heartbeat now. */
    public static final class Unavailable extends ProblemException {
        private final int retryAfterSeconds;

        Unavailable(int retryAfterSeconds) {
            super(Problem.of(503, "heartbeat-not-recorded", "Service unavailable",
                    "the heartbeat could not be recorded; retry after " + retryAfterSeconds + " s"));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
