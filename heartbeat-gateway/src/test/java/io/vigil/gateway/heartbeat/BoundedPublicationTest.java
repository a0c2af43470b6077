package io.vigil.gateway.heartbeat;

import io.vigil.gateway.kafka.EventPublisher.Outgoing;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The budget of one heartbeat covers the time sends block, not only the wait for acknowledgements. The fake sender
 * blocks like a Kafka producer without metadata ({@code max.block.ms}) and then fails, or blocks and then queues a
 * record that is never acknowledged (broker gone).
 */
class BoundedPublicationTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1200);
    private static final Duration MAX_BLOCK = Duration.ofMillis(400);
    private static final List<Outgoing> TWENTY = records(20);

    @Test
    void sendsThatBlockAndFailStopAtTheFirst() {
        AtomicInteger sent = new AtomicInteger();
        BoundedPublication publication = new BoundedPublication(record -> {
            sent.incrementAndGet();
            block(MAX_BLOCK);
            return CompletableFuture.failedFuture(new TimeoutException("metadata not available"));
        }, TIMEOUT, MAX_BLOCK);
        long elapsed = elapsedMillis(() -> assertThatThrownBy(() -> publication.publish(TWENTY).join())
                .hasCauseInstanceOf(BoundedPublication.NotRecorded.class));
        assertThat(sent).hasValue(1);
        assertThat(elapsed).as("20 blocking sends one after another take 8 s").isLessThan(4000);
    }

    @Test
    void sendsThatBlockAndAreNeverAcknowledgedEndAtTheBudget() {
        AtomicInteger sent = new AtomicInteger();
        BoundedPublication publication = new BoundedPublication(record -> {
            sent.incrementAndGet();
            block(MAX_BLOCK);
            return new CompletableFuture<>();
        }, TIMEOUT, MAX_BLOCK);
        long elapsed = elapsedMillis(() -> assertThatThrownBy(() -> publication.publish(TWENTY).join())
                .hasCauseInstanceOf(BoundedPublication.NotRecorded.class));
        // 20 blocking sends one after another would take 8 s; only those that fit the budget start
        assertThat(sent.get()).isBetween(1, 3);
        assertThat(elapsed).isLessThan(4000);
    }

    @Test
    void acknowledgedRecordsReturnAndAFailedAcknowledgementIsNotRecorded() throws Exception {
        List<String> order = new ArrayList<>();
        new BoundedPublication(record -> {
            order.add(record.key());
            return CompletableFuture.completedFuture(null);
        }, TIMEOUT, MAX_BLOCK).publish(TWENTY).join();
        assertThat(order).containsExactlyElementsOf(TWENTY.stream().map(Outgoing::key).toList());

        CompletableFuture<Void> late = new CompletableFuture<>();
        BoundedPublication failing = new BoundedPublication(record -> record.key().equals("5") ? late
                : CompletableFuture.completedFuture(null), TIMEOUT, MAX_BLOCK);
        late.completeExceptionally(new TimeoutException("delivery timeout"));
        assertThatThrownBy(() -> failing.publish(TWENTY).join())
                .hasCauseInstanceOf(BoundedPublication.NotRecorded.class).hasMessageContaining("delivery timeout");
    }

    @Test
    void theFirstSendStartsEvenWhenTheBudgetIsShorterThanOneBlock() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        new BoundedPublication(record -> {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, Duration.ofMillis(100), Duration.ofMillis(400)).publish(records(1)).join();
        assertThat(sent).hasValue(1);
    }

    @Test
    void theCallerIsNotHeldUntilKafkaAcknowledges() {
        List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
        CompletableFuture<Void> published = new BoundedPublication(record -> {
            CompletableFuture<Void> acknowledgement = new CompletableFuture<>();
            acknowledgements.add(acknowledgement);
            return acknowledgement;
        }, TIMEOUT, MAX_BLOCK).publish(records(3));
        assertThat(acknowledgements).hasSize(3);
        assertThat(published).as("every record sent, none acknowledged yet").isNotDone();
        acknowledgements.get(0).complete(null);
        acknowledgements.get(2).complete(null);
        assertThat(published).isNotDone();
        acknowledgements.get(1).complete(null);
        assertThat(published).isCompleted();
    }

    @Test
    void anAcknowledgementThatNeverComesEndsTheAnswerAtTheBudget() {
        CompletableFuture<Void> published = new BoundedPublication(record -> new CompletableFuture<>(),
                Duration.ofMillis(300), Duration.ofMillis(100)).publish(records(2));
        assertThat(published).isNotDone();
        assertThatThrownBy(published::join).hasCauseInstanceOf(BoundedPublication.NotRecorded.class)
                .hasMessageContaining("not acknowledged within PT0.3S");
    }

    private static List<Outgoing> records(int n) {
        List<Outgoing> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new Outgoing(i == 0 ? "vigil.heartbeats" : "vigil.agent-events", Integer.toString(i), null));
        }
        return records;
    }

    /** Blocks the sending thread as a producer waiting for metadata does. */
    private static void block(Duration duration) {
        try {
            assertThat(new CountDownLatch(1).await(duration.toMillis(), TimeUnit.MILLISECONDS)).isFalse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long elapsedMillis(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
