package io.vigil.gateway.heartbeat;

import io.vigil.gateway.kafka.EventPublisher.Outgoing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a heartbeat's records (the heartbeat, then each agent event) in order within one time budget. A Kafka send
 * may block the caller for up to {@code max.block.ms} (while a topic's metadata or buffer space is missing, e.g. with
 * the broker down), once per record: sent one after another, twenty agent events could block a minute before the wait
 * for acknowledgements even began. So a send starts only while one more such block still fits before the deadline
 * (the first always starts), none starts after one failed, and the wait for acknowledgements gets what is left. The
 * whole takes at most {@code max(timeout, maxBlock)}, however many records and whatever Kafka's state.
 */
public final class BoundedPublication {

    /** Sends one record; the future completes when Kafka acknowledged it (acks=all) or failed. */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<Void> send(Outgoing record);
    }

    /** Not every record was acknowledged within the budget. */
    public static final class NotRecorded extends Exception {
        NotRecorded(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private final Sender sender;
    private final Duration timeout;
    private final Duration maxBlock;

    /**
     * @param timeout  the budget of one heartbeat, from the call to the last acknowledgement
     * @param maxBlock the longest one send may block the caller (the producer's {@code max.block.ms})
     */
    public BoundedPublication(Sender sender, Duration timeout, Duration maxBlock) {
        this.sender = sender;
        this.timeout = timeout;
        this.maxBlock = maxBlock;
    }

    /** Returns once Kafka acknowledged every record; throws when one failed or the budget ran out. */
    public void publish(List<Outgoing> records) throws NotRecorded, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Void>> sends = new ArrayList<>(records.size());
        for (Outgoing record : records) {
            if (!sends.isEmpty() && deadline - System.nanoTime() < maxBlock.toNanos()) {
                throw new NotRecorded("no time left to send to " + record.topic(), null);
            }
            CompletableFuture<Void> sent = sender.send(record);
            sends.add(sent);
            if (sent.isCompletedExceptionally()) {
                break;
            }
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new NotRecorded("not acknowledged: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotRecorded("not acknowledged within " + timeout, e);
        }
    }
}
