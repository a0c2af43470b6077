package io.vigil.siem.forward;

import io.vigil.siem.format.EventFormatter;
import io.vigil.siem.format.Kind;
import io.vigil.siem.format.Rfc5424;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The delivery loop (one thread): poll a batch, format it, deliver it to every receiver, and only then commit its
 * offsets. While a receiver is down the batch stays pending, the consumer is paused (it stays in the group) and the
 * receivers that have not taken it are retried with exponential backoff; receivers that took it are not sent it again.
 * A rebalance drops the pending batch: the partitions' new owner reads it again from the committed offsets.
 */
public final class Forwarder implements Runnable {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    private final Consumer<String, byte[]> consumer;
    private final EventFormatter formatter;
    private final Rfc5424 syslog;
    private final List<Receiver> receivers;
    private final DeadLetterSink deadLetters;
    private final ForwarderMetrics metrics;
    private final Backoff backoff;
    private final Duration pollTimeout;
    private volatile boolean running = true;
    private volatile boolean polling;
    private PendingBatch pending;

    public Forwarder(Consumer<String, byte[]> consumer, EventFormatter formatter, Rfc5424 syslog,
                     List<Receiver> receivers, DeadLetterSink deadLetters, ForwarderMetrics metrics, Backoff backoff,
                     Duration pollTimeout) {
        this.consumer = consumer;
        this.formatter = formatter;
        this.syslog = syslog;
        this.receivers = List.copyOf(receivers);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.backoff = backoff;
        this.pollTimeout = pollTimeout;
    }

    @Override
    public void run() {
        try {
            subscribe();
            while (running) {
                polling = true;
                step();
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            polling = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** True once the loop runs (for readiness). */
    public boolean polling() {
        return polling && running;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    void subscribe() {
        consumer.subscribe(Arrays.stream(Kind.values()).map(Kind::topic).toList(), new DropPendingOnRebalance());
    }

    void step() {
        if (pending == null) {
            ConsumerRecords<String, byte[]> records = consumer.poll(pollTimeout);
            if (records.isEmpty()) {
                return;
            }
            pending = PendingBatch.of(records, formatter, syslog);
            metrics.pending(pending.size());
        }
        if (attempt() && commit()) {
            backoff.reset();
            consumer.resume(consumer.paused());
            return;
        }
        if (pending != null) {
            consumer.pause(consumer.assignment());
            ConsumerRecords<String, byte[]> stray = consumer.poll(backoff.next());
            rewind(stray);
        }
    }

    /** Dead letters first, then every receiver that has not taken the batch; true when nothing is left to do. */
    private boolean attempt() {
        List<DeadLetter> letters = pending.deadLetters();
        if (!letters.isEmpty()) {
            try {
                deadLetters.send(letters);
                pending.deadLettersSent();
                metrics.deadLettered(letters.size());
                letters.forEach(l -> LOG.warnf("dead-lettered %s-%d@%d: %s", l.sourceTopic(), l.partition(),
                        l.offset(), l.reason()));
            } catch (Exception e) {
                LOG.warnf("cannot send %d dead letters, retrying: %s", letters.size(), e.toString());
                return false;
            }
        }
        for (Receiver receiver : receivers) {
            if (!pending.isDone(receiver)) {
                deliver(receiver);
            }
        }
        return pending.complete(receivers);
    }

    private void deliver(Receiver receiver) {
        List<byte[]> frames = pending.framesFor(receiver);
        try {
            if (!frames.isEmpty()) {
                receiver.sender().deliver(frames);
                metrics.delivered(receiver, frames.size());
            }
            pending.done(receiver);
            if (receiver.markUp(true)) {
                LOG.infof("syslog receiver %s is back: delivering what it missed", receiver.spec().name());
            }
        } catch (Exception e) {
            metrics.failed(receiver);
            if (receiver.markUp(false)) {
                LOG.warnf("syslog receiver %s did not take %d messages, retrying with backoff: %s",
                        receiver.spec().name(), frames.size(), e.toString());
            }
        }
    }

    private boolean commit() {
        try {
            consumer.commitSync(pending.offsets());
            pending = null;
            metrics.pending(0);
            return true;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.infof("commit lost to a rebalance; the new owner resends from the last commit: %s", e.toString());
            pending = null;
            metrics.pending(0);
            return true;
        } catch (KafkaException e) {
            LOG.warnf("cannot commit delivered offsets yet, retrying: %s", e.toString());
            return false;
        }
    }

    /** A paused consumer returns nothing; should a record slip through, it is read again after the pending batch. */
    private void rewind(ConsumerRecords<String, byte[]> stray) {
        for (TopicPartition partition : stray.partitions()) {
            consumer.seek(partition, stray.records(partition).getFirst().offset());
        }
    }

    private final class DropPendingOnRebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (pending != null && !partitions.isEmpty()) {
                LOG.infof("partitions revoked with %d undelivered messages: the new owner resends them",
                        pending.size());
                pending = null;
                metrics.pending(0);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // positions come from the committed offsets
        }
    }
}
