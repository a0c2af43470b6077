package io.vigil.gateway.heartbeat;

import io.vigil.gateway.kafka.EventPublisher.Outgoing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a heartbeat's records (the heartbeat, then each agent event) in order within one time budget. A Kafka send
 * may block the caller for up to {@code max.block.ms} (while a topic's metadata or buffer space is missing, e.g. with
 * the broker down), once per record: sent one after another, twenty agent events could block a minute before the wait
 * for acknowledgements even began. So a send starts only while one more such block still fits before the deadline
 * (the first always starts), none starts after one failed, and the wait for acknowledgements gets what is left. The
 * whole takes at most {@code max(timeout, maxBlock)}, however many records and whatever Kafka's state. Nothing waits
 * for the acknowledgements: the answer is a future composed from them.
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

    /**
     * Starts the sends on the calling thread (a send blocks it only while Kafka's metadata or buffer space is missing)
     * and returns at once: the answer completes when Kafka acknowledged every record, or exceptionally with
     * {@link NotRecorded} when one failed or the budget ran out. No thread waits for the acknowledgements.
     */
    public CompletableFuture<Void> publish(List<Outgoing> records) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Void>> sends = new ArrayList<>(records.size());
        for (Outgoing record : records) {
            if (!sends.isEmpty() && deadline - System.nanoTime() < maxBlock.toNanos()) {
                return CompletableFuture.failedFuture(new NotRecorded("no time left to send to " + record.topic(),
                        null));
            }
            CompletableFuture<Void> sent = sender.send(record);
            sends.add(sent);
            if (sent.isCompletedExceptionally()) {
                break;
            }
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(this::notRecorded);
    }

    /** What failed a composed stage: the exception itself, not the {@link CompletionException} around it. */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private CompletableFuture<Void> notRecorded(Throwable failure) {
        Throwable cause = cause(failure);
        return CompletableFuture.failedFuture(cause instanceof TimeoutException
                ? new NotRecorded("not acknowledged within " + timeout, cause)
                : new NotRecorded("not acknowledged: " + cause, cause));
    }
}
