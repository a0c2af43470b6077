package io.vigil.gateway.activation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ActivationAdmissionTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

    @Test
    void atMostMaxConcurrentRunAndTheNextIsToldToComeBack() throws Exception {
        ActivationAdmission admission = new ActivationAdmission(2, Duration.ZERO, 30, nanos::get);
        ActivationAdmission.Ticket a = admission.enter();
        ActivationAdmission.Ticket b = admission.enter();
        assertThat(admission.running()).isEqualTo(2);
        assertThatThrownBy(admission::enter).isInstanceOf(ActivationAdmission.Busy.class);
        a.close();
        a.close(); // closing twice frees one place only
        assertThat(admission.running()).isEqualTo(1);
        admission.enter();
        assertThatThrownBy(admission::enter).isInstanceOf(ActivationAdmission.Busy.class);
        b.close();
    }

    @Test
    void waitersGetPlacesInArrivalOrder() throws Exception {
        ActivationAdmission admission = new ActivationAdmission(1, Duration.ofSeconds(30), 30, nanos::get);
        ActivationAdmission.Ticket holder = admission.enter();
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            waiters.add(CompletableFuture.runAsync(() -> {
                try (ActivationAdmission.Ticket t = admission.enter()) {
                    order.add(n);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, r -> Thread.ofPlatform().start(r)));
            int queued = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> admission.waiting() == queued);
        }
        holder.close();
        CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly(0, 1, 2);
    }

    @Test
    void retryAfterIsTheTimeTheQueueAheadTakesAtTheRecentRate() throws Exception {
        ActivationAdmission admission = new ActivationAdmission(4, Duration.ZERO, 30, nanos::get);
        assertThat(admission.retryAfterSeconds(10)).as("no rate known yet: the longest").isEqualTo(30);
        for (int i = 0; i < 20; i++) { // 20 completions in one second
            admission.enter().close();
        }
        nanos.addAndGet(1_000_000_000L);
        // 2 per second over the last ten seconds: (10 waiting + 4 running) / 2 = 7 s
        assertThat(admission.retryAfterSeconds(10)).isEqualTo(7);
        assertThat(admission.retryAfterSeconds(0)).isEqualTo(2);
        assertThat(admission.retryAfterSeconds(1000)).as("at most the configured longest").isEqualTo(30);
        nanos.addAndGet(11_000_000_000L);
        assertThat(admission.retryAfterSeconds(0)).as("completions older than ten seconds no longer count")
                .isEqualTo(30);
    }

    @Test
    void retryAfterIsAtLeastOneSecond() throws Exception {
        ActivationAdmission admission = new ActivationAdmission(1, Duration.ZERO, 30, nanos::get);
        for (int i = 0; i < 1000; i++) {
            admission.enter().close();
        }
        nanos.addAndGet(1_000_000_000L);
        assertThat(admission.retryAfterSeconds(0)).isEqualTo(1);
    }

    @Test
    void atLeastOnePlace() {
        assertThatThrownBy(() -> new ActivationAdmission(0, Duration.ZERO, 30, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
