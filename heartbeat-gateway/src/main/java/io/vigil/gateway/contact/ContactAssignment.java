package io.vigil.gateway.contact;

import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaFailures;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which computers this replica contacts, decided by Kafka consumer-group membership: the replicas join one group on
 * {@code vigil.internal.computer-config} and each owns the computers of the partitions assigned to it. On assignment
 * the partitions are read from the beginning (the records before the end offset found then are a replay that teaches
 * the computers; later ones are live changes); on revocation or loss they are forgotten at once. No offsets are
 * committed. A replica that dies without leaving is evicted after the session timeout, and its partitions move to
 * the survivors (cooperative sticky assignment: the others keep theirs).
 */
public final class ContactAssignment {

    private static final Logger LOG = Logger.getLogger(ContactAssignment.class);

    /** Receives the membership changes and the records of the owned partitions, on the consumer's thread. */
    public interface Listener {
        void assigned(Collection<Integer> partitions);

        void revoked(Collection<Integer> partitions);

        /** @param configuration null for a tombstone (or an unreadable record) */
        void record(int partition, long computerID, ComputerConfiguration configuration, boolean live);
    }

    private final Map<String, Object> props = new HashMap<>();
    private final KafkaClientFactory kafka;
    private final KafkaFailures failures;
    private final String groupId;
    private final Listener listener;
    private final Map<Integer, Long> liveFrom = new ConcurrentHashMap<>();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean joined;
    private volatile boolean leaveOnStop = true;
    private Thread thread;

    /**
     * @param sessionTimeout how long a silent member stays in the group (the failover time is about this plus one
     *                       heartbeat interval, a third of it)
     */
    public ContactAssignment(KafkaClientFactory kafka, KafkaFailures failures, String groupId,
                             Duration sessionTimeout, Listener listener) {
        this.kafka = kafka;
        this.failures = failures;
        this.groupId = groupId;
        this.listener = listener;
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic"); // client-side session timeout
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sessionTimeout.toMillis()));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(sessionTimeout.toMillis() / 3));
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Long.toString(Math.max(20_000,
                sessionTimeout.toMillis() * 2)));
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    public void start() {
        thread = Thread.ofPlatform().name("gateway-contact-group").daemon().start(this::run);
    }

    /** Leaves the group (its partitions move at once) and stops. */
    public void stop() {
        stop(true);
    }

    /** Stops without leaving the group, as a crashed replica would: the group notices after the session timeout. */
    public void crash() {
        stop(false);
    }

    private void stop(boolean leave) {
        leaveOnStop = leave;
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True once this member received its first assignment and read its partitions up to their end. */
    public boolean caughtUp() {
        KafkaConsumer<String, byte[]> current = consumer;
        return joined && current != null && liveFrom.isEmpty();
    }

    private void run() {
        while (running) {
            KafkaConsumer<String, byte[]> member = kafka.consumer("gateway-contact-" + groupId, groupId, props);
            consumer = member;
            RuntimeException failure = null;
            try {
                member.subscribe(List.of(Topics.COMPUTER_CONFIG),
                        new ContactRebalance(member, liveFrom, listener, () -> joined = true));
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : member.poll(Duration.ofMillis(500))) {
                        apply(record);
                    }
                    liveFrom.entrySet().removeIf(e -> positionReached(member, e.getKey(), e.getValue()));
                }
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                close(member);
            }
            // refused credentials or ACLs: reported once with the setting to fix, held until the check passes
            if (failure != null && failures.failed("gateway-contact-" + groupId, failure, () -> running)) {
                LOG.warnf("contact group consumer failed, rejoining: %s", failure.toString());
            }
        }
    }

    private static boolean positionReached(KafkaConsumer<String, byte[]> kafka, int partition, long end) {
        return kafka.position(new TopicPartition(Topics.COMPUTER_CONFIG, partition)) >= end;
    }

    private void close(KafkaConsumer<String, byte[]> kafka) {
        try {
            kafka.close(CloseOptions.groupMembershipOperation(leaveOnStop || running
                    ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                    : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP).withTimeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            LOG.debugf("closing the contact group consumer: %s", e.toString());
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        long id;
        try {
            id = Long.parseLong(record.key());
        } catch (NumberFormatException | NullPointerException e) {
            return; // policy-service dead-letters it
        }
        Long end = liveFrom.get(record.partition());
        boolean live = end == null || record.offset() >= end;
        ComputerConfiguration configuration = null;
        if (record.value() != null) {
            try {
                configuration = EventJson.readEvent(record.value(), ComputerConfiguration.class).data();
            } catch (EventJson.MalformedEventException e) {
                LOG.warnf("ignoring unreadable configuration of computer %d: %s", id, e.getMessage());
                return;
            }
        }
        listener.record(record.partition(), id, configuration, live);
    }
}
