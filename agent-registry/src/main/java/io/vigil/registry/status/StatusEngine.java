package io.vigil.registry.status;

import io.vigil.events.EventJson.MalformedEventException;
import io.vigil.kafka.tracing.RecordTracing;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The status engine's consumer loop: reads the co-partitioned input topics in one consumer group (range assignment,
 * so an instance owns partition p of every topic) and applies records to the in-memory {@link StatusProcessor}.
 * Every flush interval it hands a snapshot to one background writer, which publishes the transitions (acks=all), has
 * the registry adopt changed listening ports ({@link ListeningPortSink}), and then writes the changed computers and the
 * resume positions in one database transaction; only after that are the Kafka offsets committed. One flush is in
 * flight at a time, so transitions stay in order. Any failure discards memory and the engine is rebuilt from the
 * database and the log (see README).
 */
public final class StatusEngine implements Runnable {

    private static final Logger LOG = Logger.getLogger(StatusEngine.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final StatusPublisher publisher;
    private final JdbcStateStore store;
    private final ListeningPortSink ports;
    private final EngineMetrics metrics;
    private final Duration flushInterval;
    private final RecordTracing tracing;
    private final StatusProcessor processor = new StatusProcessor();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("registry-status-writer").daemon().unstarted(r));
    private final List<Future<RecordMetadata>> deadLetters = new ArrayList<>();
    private CompletableFuture<Map<Position, Long>> inFlight;
    private volatile boolean running = true;
    private long lastFlushNanos = System.nanoTime();

    public StatusEngine(KafkaConsumer<String, byte[]> consumer, StatusPublisher publisher, JdbcStateStore store,
                        ListeningPortSink ports, EngineMetrics metrics, Duration flushInterval,
                        RecordTracing tracing) {
        this.consumer = consumer;
        this.tracing = tracing;
        this.publisher = publisher;
        this.store = store;
        this.ports = ports;
        this.metrics = metrics;
        this.flushInterval = flushInterval;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(InputDecoder.TOPICS, new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                apply(records);
                reportLag();
                settle(false);
                if (System.nanoTime() - lastFlushNanos >= flushInterval.toNanos()) {
                    flush(false);
                }
            }
            flush(true);
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
            flush(true);
        } finally {
            writer.shutdownNow();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the loop to flush and stop; returns at once. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : inTimeOrder(records)) {
            // the record's trace (from the gateway's heartbeat) and its computer in the log context
            try (RecordTracing.Processing processing = tracing.process(record)) {
                Position at = new Position(record.topic(), record.partition());
                Input input = admitted(record);
                try {
                    processor.apply(at, record.offset(), record.timestamp(), input);
                } catch (RuntimeException e) {
                    // the rules admitted it and it still failed: this record alone, never the partition
                    LOG.errorf(e, "record %s-%d@%d could not be applied", record.topic(), record.partition(),
                            record.offset());
                    processing.failed(e);
                    deadLetter(record, "could not be applied: " + e);
                }
            }
            counts.merge(record.topic(), 1, Integer::sum);
        }
        counts.forEach(metrics::consumed);
    }

    /** The poll's records across partitions in timestamp order, each partition's own order kept (see PollOrder). */
    static List<ConsumerRecord<String, byte[]>> inTimeOrder(ConsumerRecords<String, byte[]> records) {
        Map<Position, List<ConsumerRecord<String, byte[]>>> partitions = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            partitions.put(new Position(tp.topic(), tp.partition()), records.records(tp));
        }
        return PollOrder.merge(partitions, ConsumerRecord::timestamp);
    }

    /** The decoded record if the engine may apply it; else (dead-lettered with the reason) null. */
    private Input admitted(ConsumerRecord<String, byte[]> record) {
        try {
            Input input = InputDecoder.decode(record.topic(), record.key(), record.value(), record.timestamp());
            String refusal = input == null ? null : InputRules.refusal(input, record.timestamp());
            if (refusal == null) {
                return input;
            }
            deadLetter(record, refusal);
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
        } catch (RuntimeException e) {
            deadLetter(record, "could not be read: " + e);
        }
        return null;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        metrics.deadLettered(record.topic());
        deadLetters.add(publisher.deadLetter(record, reason));
    }

    /** Starts writing what changed (after the previous write finished); {@code wait}: also wait for this one. */
    private void flush(boolean wait) {
        settle(true);
        lastFlushNanos = System.nanoTime();
        StatusProcessor.Flush flush = processor.drain();
        if (!flush.isEmpty() || !flush.positions().isEmpty() || !deadLetters.isEmpty()) {
            List<Object[]> rows = flush.changed().stream().map(ComputerRuntime::snapshot).toList();
            List<Future<RecordMetadata>> sent = List.copyOf(deadLetters);
            deadLetters.clear();
            long start = System.nanoTime();
            inFlight = CompletableFuture.supplyAsync(() -> {
                publisher.publish(flush.transitions(), sent);
                if (!flush.listeningPorts().isEmpty()) {
                    ports.adopt(flush.listeningPorts());
                }
                try {
                    for (JdbcStateStore.Refused refused : store.write(rows, flush.positions())) {
                        // the rules admitted what the database refused: that computer's row alone is not stored
                        LOG.errorf("computer %d: the database refused its status row, left out of this flush: %s",
                                refused.computerID(), refused.reason());
                        metrics.rowRefused();
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("could not write the status batch: " + e.getMessage(), e);
                }
                metrics.flushed(rows.size(), flush.transitions().size(), System.nanoTime() - start);
                return flush.positions();
            }, writer);
        }
        if (wait) {
            settle(true);
        }
    }

    /** When the write in flight is done, commits its positions to Kafka; rethrows its failure. */
    private void settle(boolean wait) {
        if (inFlight == null || (!wait && !inFlight.isDone())) {
            return;
        }
        Map<Position, Long> positions;
        try {
            positions = inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("status flush failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            inFlight = null;
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        positions.forEach((p, next) -> {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (consumer.assignment().contains(tp)) {
                commit.put(tp, new OffsetAndMetadata(next));
            }
        });
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
        }
    }

    private void reportLag() {
        Map<String, Long> lag = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            consumer.currentLag(tp).ifPresent(l -> lag.merge(tp.topic(), l, Long::sum));
        }
        lag.forEach(metrics::lag);
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            flush(true);
            partitionNumbers(partitions).forEach(processor::revoke);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitionNumbers(partitions).forEach(processor::revoke);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            try {
                for (int p : partitionNumbers(partitions)) {
                    if (!processor.owns(p)) {
                        processor.assign(p, store.load(p));
                    }
                }
                List<Position> wanted = partitions.stream()
                        .map(tp -> new Position(tp.topic(), tp.partition())).toList();
                store.positions(wanted).forEach((p, next) -> {
                    consumer.seek(new TopicPartition(p.topic(), p.partition()), next);
                    processor.seeded(p, next);
                });
                LOG.infof("status engine owns partitions %s (%d computers)", partitionNumbers(partitions),
                        processor.trackedComputers());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not load the status of assigned partitions", e);
            }
        }

        private TreeSet<Integer> partitionNumbers(Collection<TopicPartition> partitions) {
            TreeSet<Integer> numbers = new TreeSet<>();
            partitions.forEach(tp -> numbers.add(tp.partition()));
            return numbers;
        }
    }
}
