package io.vigil.gateway.guard;

import io.vigil.gateway.heartbeat.Heartbeat;
import io.vigil.gateway.operations.RenewalPolicy;
import io.vigil.console.ProblemException;
import io.vigil.gateway.guard.UnauthenticatedConnections.Admission;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guards' plain rules: the per-key budget, the renewal window and budget, the log-entry cap. */
class GuardRulesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void aBudgetAdmitsExactlyItsSizeAtOnceThenOneMorePerShareOfTheWindow() {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(budget.acquire(7, MINUTE)).isZero();
        }
        assertThat(budget.acquire(7, MINUTE)).isEqualTo(20); // one token every 20 s
        now.addAndGet(Duration.ofSeconds(19).toNanos());
        assertThat(budget.acquire(7, MINUTE)).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(budget.acquire(7, MINUTE)).isZero();
        assertThat(budget.acquire(7, MINUTE)).isEqualTo(20);
        // another key has its own budget
        assertThat(budget.acquire(8, MINUTE)).isZero();
    }

    @Test
    void aBudgetNeverRefillsBeyondItsSizeAndKeepsTheLongRunRate() {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(5, now::get);
        now.addAndGet(Duration.ofHours(10).toNanos());
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            admitted += budget.acquire(1, MINUTE) == 0 ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(5);
        // over 10 windows, one request per second: 5 at once plus 5 per window
        admitted = 0;
        for (int second = 0; second < 600; second++) {
            now.addAndGet(Duration.ofSeconds(1).toNanos());
            admitted += budget.acquire(1, MINUTE) == 0 ? 1 : 0;
        }
        assertThat(admitted).isBetween(50, 51);
    }

    @Property(tries = 300)
    void anAgentKeepingToAnyIntervalTheSettingsAllowIsNeverRefused(
            @ForAll @IntRange(min = 1, max = 86_400) int intervalSeconds,
            // 1 per interval leaves no room for a timer firing early: the setting's own choice
            @ForAll @IntRange(min = 2, max = 10) int perInterval,
            @ForAll @IntRange(min = 0, max = 999) int timerJitterMillis) {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(perInterval, now::get);
        HeartbeatAllowance allowance = HeartbeatAllowance.of(intervalSeconds, perInterval, Duration.ofSeconds(10));
        for (int beat = 0; beat < 100; beat++) {
            // on time, or an early beat (a timer that fires up to a second early, then one on time again)
            long early = beat % 2 == 1 ? Math.min(timerJitterMillis, intervalSeconds * 500L) : 0;
            now.addAndGet(Duration.ofSeconds(intervalSeconds).minusMillis(early).toNanos());
            assertThat(budget.acquire(1, allowance.count(), allowance.window())).as("beat %d", beat).isZero();
            now.addAndGet(Duration.ofMillis(early).toNanos());
        }
    }

    @Property(tries = 300)
    void aComputerBeatingMoreThanItsAllowanceIsRefusedWithinOneWindow(
            @ForAll @IntRange(min = 1, max = 86_400) int intervalSeconds,
            @ForAll @IntRange(min = 1, max = 10) int perInterval) {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(perInterval, now::get);
        HeartbeatAllowance allowance = HeartbeatAllowance.of(intervalSeconds, perInterval, Duration.ofSeconds(10));
        assertThat(allowance.window()).isGreaterThanOrEqualTo(Duration.ofSeconds(10))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(intervalSeconds));
        // the rate it allows is perInterval per interval, whatever the window
        assertThat((double) allowance.count() / allowance.window().toSeconds())
                .isCloseTo((double) perInterval / intervalSeconds, org.assertj.core.data.Offset.offset(1e-9));
        // twice that rate: the first refusal comes within one window
        long gapNanos = Duration.ofSeconds(intervalSeconds).toNanos() / (2L * perInterval);
        long refusedAt = -1;
        for (int beat = 0; beat <= 2 * allowance.count() + 1 && refusedAt < 0; beat++) {
            if (budget.acquire(1, allowance.count(), allowance.window()) > 0) {
                refusedAt = now.get();
            }
            now.addAndGet(gapNanos);
        }
        assertThat(refusedAt).isNotNegative().isLessThanOrEqualTo(allowance.window().toNanos());
    }

    @Test
    void aOneSecondIntervalIsCountedOverTenSecondsWithTenTimesTheHeartbeats() {
        assertThat(HeartbeatAllowance.of(1, 5, Duration.ofSeconds(10)))
                .isEqualTo(new HeartbeatAllowance(50, Duration.ofSeconds(10)));
        assertThat(HeartbeatAllowance.of(3, 5, Duration.ofSeconds(10)))
                .isEqualTo(new HeartbeatAllowance(20, Duration.ofSeconds(12)));
        assertThat(HeartbeatAllowance.of(600, 5, Duration.ofSeconds(10)))
                .isEqualTo(new HeartbeatAllowance(5, Duration.ofSeconds(600)));
    }

    @Test
    void fullBucketsAreForgottenAndOthersKept() {
        AtomicLong now = new AtomicLong();
        RateBudget budget = new RateBudget(2, now::get);
        budget.acquire(1, MINUTE);
        budget.acquire(2, MINUTE);
        budget.acquire(2, MINUTE);
        now.addAndGet(Duration.ofSeconds(30).toNanos()); // key 1 full again, key 2 has one of two
        assertThat(budget.sweep()).isEqualTo(1);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(budget.sweep()).isZero();
        assertThatThrownBy(() -> new RateBudget(0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renewalIsDueFromExactlyRenewBeforeTheExpiry() {
        AtomicLong now = new AtomicLong();
        RenewalPolicy policy = new RenewalPolicy(Duration.ofDays(30), 3, Duration.ofHours(1),
                new RateBudget(3, now::get));
        Instant expiry = Instant.parse("2027-01-31T00:00:00Z");
        assertThat(policy.inWindow(expiry, Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
        assertThat(policy.inWindow(expiry, Instant.parse("2026-12-31T23:59:59.999Z"))).isFalse();
        assertThat(policy.inWindow(expiry, expiry.plusSeconds(1))).isTrue();

        RenewalPolicy.Refusal early = policy.judge(5, expiry, Instant.parse("2026-12-31T23:59:59Z")).orElseThrow();
        assertThat(early.problem().status()).isEqualTo(409);
        assertThat(early.outcome()).isEqualTo("not-due");
        assertThat(early.problem().detail()).contains("2027-01-01T00:00:00Z");
    }

    @Test
    void renewalsBeyondTheBudgetAreRefusedWithTheWaitAndEarlyOnesDoNotCount() {
        AtomicLong now = new AtomicLong();
        RenewalPolicy policy = new RenewalPolicy(Duration.ofDays(30), 3, Duration.ofHours(1),
                new RateBudget(3, now::get));
        Instant expiry = Instant.parse("2027-01-31T00:00:00Z");
        Instant early = Instant.parse("2026-12-01T00:00:00Z");
        Instant due = Instant.parse("2027-01-15T00:00:00Z");
        for (int i = 0; i < 10; i++) {
            assertThat(policy.judge(5, expiry, early)).isPresent(); // refused as not due, not counted
        }
        for (int i = 0; i < 3; i++) {
            assertThat(policy.judge(5, expiry, due)).isEmpty();
        }
        RenewalPolicy.Refusal limited = policy.judge(5, expiry, due).orElseThrow();
        assertThat(limited.problem().status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isEqualTo(1200);
        assertThat(policy.judge(6, expiry, due)).isEmpty();
    }

    @Test
    void aHeartbeatMayCarryExactlyTheCapOfLogEntries() {
        EventCap.check(heartbeat(1000), 1000);
        assertThatThrownBy(() -> EventCap.check(heartbeat(1001), 1000)).isInstanceOfSatisfying(
                ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().invalidParams()).extracting(p -> p.name()).containsExactly("events");
                });
    }

    @Test
    void anAddressHoldsAtMostItsPlacesAndFreesThemOnRelease() throws Exception {
        UnauthenticatedConnections connections = new UnauthenticatedConnections(2, 0);
        InetAddress one = InetAddress.getByName("192.0.2.1");
        InetAddress two = InetAddress.getByName("2001:db8::2");
        assertThat(connections.open(one, NOT_PLACED)).isEqualTo(Admission.ADMITTED);
        assertThat(connections.open(one, NOT_PLACED)).isEqualTo(Admission.ADMITTED);
        assertThat(connections.open(one, NOT_PLACED)).isEqualTo(Admission.REFUSED);
        assertThat(connections.count(one)).isEqualTo(2);
        assertThat(connections.open(two, NOT_PLACED)).isEqualTo(Admission.ADMITTED);
        connections.release(one);
        assertThat(connections.open(one, NOT_PLACED)).isEqualTo(Admission.ADMITTED);
        connections.release(one);
        connections.release(one);
        connections.release(one); // more releases than opens never go below zero
        assertThat(connections.count(one)).isZero();
        assertThat(connections.addresses()).isEqualTo(1);
    }

    @Test
    void connectionsBeyondThePlacesWaitInTurnAndAPlaceThatFreesPassesToTheLongestWaiting() throws Exception {
        UnauthenticatedConnections connections = new UnauthenticatedConnections(1, 2);
        InetAddress nat = InetAddress.getByName("198.51.100.7");
        List<String> placed = new ArrayList<>();
        assertThat(connections.open(nat, NOT_PLACED)).isEqualTo(Admission.ADMITTED);
        UnauthenticatedConnections.Waiter first = () -> placed.add("first");
        UnauthenticatedConnections.Waiter second = () -> placed.add("second");
        assertThat(connections.open(nat, first)).isEqualTo(Admission.WAITING);
        assertThat(connections.open(nat, second)).isEqualTo(Admission.WAITING);
        assertThat(connections.open(nat, () -> placed.add("third"))).as("the waiting places are taken too")
                .isEqualTo(Admission.REFUSED);
        assertThat(connections.waiting()).isEqualTo(2);

        connections.release(nat);
        assertThat(placed).containsExactly("first");
        assertThat(connections.count(nat)).as("the place passed on, not freed").isEqualTo(1);
        assertThat(connections.stopWaiting(nat, first)).as("already placed: it must release").isFalse();
        assertThat(connections.stopWaiting(nat, second)).as("gave up while waiting").isTrue();
        assertThat(connections.waiting()).isZero();

        connections.release(nat);
        assertThat(placed).containsExactly("first");
        assertThat(connections.count(nat)).isZero();
        assertThat(connections.addresses()).isZero();
    }

    @Property(tries = 200)
    void placesAreNeverOverheldNorLost(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> steps) {
        UnauthenticatedConnections connections = new UnauthenticatedConnections(3, 2);
        InetAddress address = InetAddress.getLoopbackAddress();
        ArrayDeque<Integer> holding = new ArrayDeque<>();
        List<UnauthenticatedConnections.Waiter> waiting = new ArrayList<>();
        int[] next = {0};
        for (int step : steps) {
            switch (step) {
                case 0 -> {
                    int id = next[0]++;
                    UnauthenticatedConnections.Waiter waiter = new UnauthenticatedConnections.Waiter() {
                        @Override
                        public void placed() {
                            waiting.remove(this);
                            holding.add(id);
                        }
                    };
                    switch (connections.open(address, waiter)) {
                        case ADMITTED -> holding.add(id);
                        case WAITING -> waiting.add(waiter);
                        case REFUSED -> assertThat(holding.size() + waiting.size()).isEqualTo(5);
                    }
                }
                case 1 -> {
                    if (!holding.isEmpty()) {
                        holding.poll();
                        connections.release(address);
                    }
                }
                default -> {
                    if (!waiting.isEmpty()) {
                        assertThat(connections.stopWaiting(address, waiting.removeFirst())).isTrue();
                    }
                }
            }
            assertThat(holding).hasSizeLessThanOrEqualTo(3);
            assertThat(connections.count(address)).isEqualTo(holding.size());
            assertThat(connections.waiting()).isEqualTo(waiting.size());
            assertThat(waiting.isEmpty() || holding.size() == 3).as("none waits while a place is free").isTrue();
        }
    }

    private static final UnauthenticatedConnections.Waiter NOT_PLACED = () -> {
        throw new AssertionError("an admitted or refused connection is never placed later");
    };

    private static Heartbeat heartbeat(int events) {
        return new Heartbeat("20.0.1", "2026-11-25T10:00:00Z", 1L, "Online", "sha256:" + "0".repeat(64), Map.of(),
                Collections.nCopies(events, new Heartbeat.Event(7, "2026-11-25T10:00:00Z", null, null)), List.of(),
                null);
    }
}
