package io.vigil.gateway.contact;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.contact.ContactFailed;
import io.vigil.gateway.heartbeat.HeartbeatEvents;
import io.vigil.gateway.kafka.EventPublisher;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Publishes {@code ContactFailed} to {@code vigil.internal.contact-failures} (agent-registry shows the reason as the
 * computer's {@code offlineReason}).
 */
public final class ContactFailures {

    public static final String HEARTBEAT_REQUEST = "heartbeat-request";
    public static final String CONFIGURATION = "configuration";
    private static final Logger LOG = Logger.getLogger(ContactFailures.class);

    private final EventPublisher publisher;
    private final MeterRegistry metrics;

    public ContactFailures(EventPublisher publisher, MeterRegistry metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public void failed(long computerID, String operation, FailureReason reason, String detail) {
        metrics.counter("vigil.gateway.agents.contact.failures", "operation", operation, "reason", reason.wireName())
                .increment();
        LOG.infof("computer %d: %s call failed (%s): %s", computerID, operation, reason.wireName(), detail);
        String key = CloudEvents.computerKey(computerID);
        ContactFailed data = new ContactFailed(computerID, operation, reason.wireName(), detail, Instant.now());
        publisher.publish(new EventPublisher.Outgoing(Topics.CONTACT_FAILURES, key,
                        CloudEvents.create(HeartbeatEvents.SOURCE, EventTypes.CONTACT_FAILED, key, data)))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.warnf("could not publish the contact failure of computer %d: %s", computerID, error);
                    }
                });
    }

    public void failed(long computerID, String operation, ContactException failure) {
        failed(computerID, operation, failure.reason(), failure.getMessage());
    }
}
