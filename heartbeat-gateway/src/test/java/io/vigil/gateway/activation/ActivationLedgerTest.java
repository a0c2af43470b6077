package io.vigil.gateway.activation;

import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivationLedgerTest {

    private final MutableClock clock = new MutableClock();
    private final ActivationLedger ledger = new ActivationLedger(Duration.ofMinutes(10), 3, clock);
    private final AtomicInteger work = new AtomicInteger();

    @Test
    void theSameRequestAgainGetsTheSameAnswerWithoutNewWork() {
        ActivationLedger.Outcome first = ledger.activate(request("a", "csr-1"), () -> answer(7));
        ActivationLedger.Outcome again = ledger.activate(request("a", "csr-1"), () -> answer(8));
        assertThat(first.source()).isEqualTo(ActivationLedger.Source.DONE);
        assertThat(again.source()).isEqualTo(ActivationLedger.Source.REPLAYED);
        assertThat(again.response()).isSameAs(first.response());
        assertThat(work).hasValue(1);
    }

    @Test
    void aDifferentRequestIsWorkOfItsOwn() {
        ledger.activate(request("a", "csr-1"), () -> answer(7));
        assertThat(ledger.activate(request("a", "csr-2"), () -> answer(8)).response().computerID()).isEqualTo(8);
        assertThat(ledger.activate(request("b", "csr-1"), () -> answer(9)).response().computerID()).isEqualTo(9);
        assertThat(work).hasValue(3);
    }

    @Test
    void theAnswerIsForgottenAfterTheRememberTime() {
        ledger.activate(request("a", "csr-1"), () -> answer(7));
        clock.advance(Duration.ofMinutes(10));
        assertThat(ledger.activate(request("a", "csr-1"), () -> answer(8)).source())
                .isEqualTo(ActivationLedger.Source.REPLAYED); // exactly at the edge: still remembered
        clock.advance(Duration.ofMillis(1));
        ActivationLedger.Outcome later = ledger.activate(request("a", "csr-1"), () -> answer(8));
        assertThat(later.source()).isEqualTo(ActivationLedger.Source.DONE);
        assertThat(later.response().computerID()).isEqualTo(8);
    }

    @Test
    void aFailureIsNotRememberedSoARetryIsDoneAfresh() {
        ProblemException busy = new ProblemException(Problem.of(503, "busy", "Busy", "busy"));
        assertThatThrownBy(() -> ledger.activate(request("a", "csr-1"), () -> {
            throw busy;
        })).isSameAs(busy);
        assertThat(ledger.size()).isZero();
        assertThat(ledger.activate(request("a", "csr-1"), () -> answer(7)).source())
                .isEqualTo(ActivationLedger.Source.DONE);
    }

    @Test
    void aRetryWhileTheFirstIsUnderWayJoinsIt() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<ActivationLedger.Outcome> first = CompletableFuture.supplyAsync(() ->
                ledger.activate(request("a", "csr-1"), () -> {
                    working.countDown();
                    await(finish);
                    return answer(7);
                }));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ActivationLedger.Outcome> second = waitingRetry();
        finish.countDown();
        assertThat(second.get(10, TimeUnit.SECONDS).source()).isEqualTo(ActivationLedger.Source.JOINED);
        assertThat(second.get().response()).isSameAs(first.get(10, TimeUnit.SECONDS).response());
        assertThat(work).hasValue(1);
    }

    @Test
    void whoJoinedAFailedAttemptGetsItsFailure() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ProblemException refused = new ProblemException(Problem.of(401, "token", "Unauthorized", "used up"));
        CompletableFuture<ActivationLedger.Outcome> first = CompletableFuture.supplyAsync(() ->
                ledger.activate(request("a", "csr-1"), () -> {
                    working.countDown();
                    await(finish);
                    throw refused;
                }));
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ActivationLedger.Outcome> second = waitingRetry();
        finish.countDown();
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCause(refused);
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCause(refused);
    }

    @Test
    void atMostCapacityAnswersAreRememberedOldestFirstOut() {
        for (int i = 1; i <= 4; i++) {
            int id = i;
            ledger.activate(request("h" + i, "csr"), () -> answer(id));
        }
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(ledger.activate(request("h1", "csr"), () -> answer(10)).source())
                .isEqualTo(ActivationLedger.Source.DONE); // the oldest was forgotten
        assertThat(ledger.activate(request("h4", "csr"), () -> answer(11)).source())
                .isEqualTo(ActivationLedger.Source.REPLAYED);
    }

    /** The same request again on a thread of its own, once it waits for the first attempt. */
    private CompletableFuture<ActivationLedger.Outcome> waitingRetry() {
        CompletableFuture<ActivationLedger.Outcome> outcome = new CompletableFuture<>();
        Thread retry = Thread.ofPlatform().start(() -> {
            try {
                outcome.complete(ledger.activate(request("a", "csr-1"), () -> answer(8)));
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> retry.getState() == Thread.State.WAITING);
        assertThat(outcome).isNotDone();
        return outcome;
    }

    private ActivationResponse answer(long computerID) {
        work.incrementAndGet();
        return new ActivationResponse(computerID, "chain", 600, "Bidirectional", "sha256:x", null);
    }

    private static ActivationRequest request(String host, String csr) {
        return new ActivationRequest("token", host, "Linux", "20.0.1-3445", "20", "physical", 4118, "10.0.0.1", csr);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
