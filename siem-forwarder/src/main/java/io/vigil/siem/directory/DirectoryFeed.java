package io.vigil.siem.directory;

import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.heartbeat.HeartbeatReceived;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the {@link ComputerDirectory} (one thread, no consumer group, nothing committed): reads the compacted
 * {@code vigil.internal.computers} from the beginning and {@code vigil.heartbeats} from its end. Unreadable records are
 * skipped here: this is a lookup cache, the records' owners dead-letter them.
 */
public final class DirectoryFeed implements Runnable {

    private static final Logger LOG = Logger.getLogger(DirectoryFeed.class);

    private final Consumer<String, byte[]> consumer;
    private final ComputerDirectory directory;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private Map<TopicPartition, Long> registrationEnds;

    public DirectoryFeed(Consumer<String, byte[]> consumer, ComputerDirectory directory) {
        this.consumer = consumer;
        this.directory = directory;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> registrations = partitions(Topics.COMPUTERS);
            List<TopicPartition> heartbeats = partitions(Topics.HEARTBEATS);
            List<TopicPartition> all = new ArrayList<>(registrations);
            all.addAll(heartbeats);
            consumer.assign(all);
            consumer.seekToBeginning(registrations);
            consumer.seekToEnd(heartbeats);
            registrationEnds = consumer.endOffsets(registrations);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && registrationEnds.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.infof("computer directory loaded: %d computers", directory.size());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Waits until the registrations that existed at start are loaded; false on timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(60));
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (record.topic().equals(Topics.COMPUTERS)) {
                directory.registered(EventJson.readEvent(record.value(), ComputerRegistration.class).data());
            } else {
                HeartbeatReceived heartbeat = EventJson.readEvent(record.value(), HeartbeatReceived.class).data();
                directory.heardFrom(heartbeat.computerID(), heartbeat.remoteAddress());
            }
        } catch (RuntimeException e) {
            LOG.debugf("skipping unreadable %s record at offset %d: %s", record.topic(), record.offset(), e);
        }
    }
}
