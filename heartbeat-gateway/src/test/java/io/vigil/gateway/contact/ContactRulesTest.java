package io.vigil.gateway.contact;

import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain-Java rules of the communication directions. */
class ContactRulesTest {

    private static final String BI = ContactPlan.BIDIRECTIONAL;
    private static final String MI = ContactPlan.MANAGER_INITIATED;
    private static final String AI = ContactPlan.AGENT_INITIATED;

    private static ContactPlan.Known known(String direction, long interval) {
        AgentConfiguration configuration = new AgentConfiguration(interval, direction, null, List.of("any"));
        return new ContactPlan.Known(configuration, ConfigFingerprint.of(configuration));
    }

    @Nested
    class Plan {
        @Test
        void onlyManagerInitiatedComputersArePolled() {
            assertThat(ContactPlan.decide(null, known(MI, 60), false).poll()).isTrue();
            assertThat(ContactPlan.decide(null, known(BI, 60), false).poll()).isFalse();
            assertThat(ContactPlan.decide(null, known(AI, 60), false).poll()).isFalse();
        }

        @Test
        void aLiveChangeIsPushedWhenTheAgentListens() {
            assertThat(ContactPlan.decide(known(BI, 60), known(BI, 120), true).push()).isTrue();
            assertThat(ContactPlan.decide(known(MI, 60), known(MI, 120), true).push()).isTrue();
            assertThat(ContactPlan.decide(known(BI, 60), known(AI, 60), true).push())
                    .as("the agent still listens and must learn it should stop").isTrue();
            assertThat(ContactPlan.decide(known(MI, 60), known(AI, 60), true).push())
                    .as("a Manager Initiated agent never heartbeats: the push is its only way to learn").isTrue();
        }

        @Test
        void nothingIsPushedToAnAgentThatDoesNotListen() {
            assertThat(ContactPlan.decide(known(AI, 60), known(BI, 60), true).push()).isFalse();
            assertThat(ContactPlan.decide(known(AI, 60), known(MI, 60), true).push()).isFalse();
        }

        @Test
        void replaysFirstRecordsAndUnchangedFingerprintsAreNotPushed() {
            assertThat(ContactPlan.decide(known(BI, 60), known(BI, 120), false).push()).isFalse();
            assertThat(ContactPlan.decide(null, known(BI, 60), true).push()).isFalse();
            assertThat(ContactPlan.decide(known(BI, 60), known(BI, 60), true).push()).isFalse();
        }

        @Test
        void directionsThatListen() {
            assertThat(ContactPlan.listens(BI)).isTrue();
            assertThat(ContactPlan.listens(MI)).isTrue();
            assertThat(ContactPlan.listens(AI)).isFalse();
            assertThat(ContactPlan.listens(null)).isFalse();
        }
    }

    @Nested
    class Schedule {
        @Test
        void aNewComputerIsPolledAtOnceThenWithinOneIntervalThenEveryInterval() {
            PollSchedule schedule = new PollSchedule(5_000);
            schedule.schedule(7, 60_000, 1_000);
            assertThat(schedule.nextDue()).hasValue(1_000);
            assertThat(schedule.due(1_000)).containsExactly(7L);
            long second = schedule.nextDue().orElseThrow();
            assertThat(second).isEqualTo(1_000 + 60_000 - schedule.spread(7, 60_000)).isBetween(56_001L, 61_000L);
            assertThat(schedule.due(second - 1)).isEmpty();
            assertThat(schedule.due(second)).containsExactly(7L);
            assertThat(schedule.due(second + 59_999)).isEmpty();
            assertThat(schedule.due(second + 60_000)).containsExactly(7L);
        }

        @Test
        void computersTakenOverTogetherArePolledAtOnceAndThenSpreadOut() {
            PollSchedule schedule = new PollSchedule(5_000);
            for (long id = 0; id < 50; id++) {
                schedule.schedule(id, 10_000, 0);
            }
            assertThat(schedule.due(0)).hasSize(50);
            java.util.Set<Long> seconds = new java.util.HashSet<>();
            for (long id = 0; id < 50; id++) {
                seconds.add(0 + 10_000 - schedule.spread(id, 10_000));
            }
            assertThat(seconds).as("second polls spread over the offsets").hasSizeGreaterThan(25)
                    .allSatisfy(t -> assertThat(t).isBetween(5_001L, 10_000L));
            assertThat(schedule.due(4_999)).isEmpty();
            assertThat(schedule.due(10_000)).hasSize(50);
        }

        @Test
        void aComputerWhosePartitionComesBackKeepsItsRhythmAForgottenOneIsPolledAtOnce() {
            PollSchedule schedule = new PollSchedule(0);
            schedule.schedule(1, 10_000, 0);
            schedule.schedule(2, 10_000, 0);
            assertThat(schedule.due(0)).containsExactlyInAnyOrder(1L, 2L);
            schedule.remove(1); // revoked
            schedule.forget(2); // tombstone
            schedule.schedule(1, 10_000, 4_000);
            schedule.schedule(2, 10_000, 4_000);
            assertThat(schedule.due(4_000)).as("polled by this replica 4 s ago: not at once").containsExactly(2L);
            assertThat(schedule.due(10_000)).containsExactly(1L);
            schedule.remove(1);
            schedule.forget(2);
            schedule.schedule(1, 10_000, 25_000);
            assertThat(schedule.due(25_000)).as("last polled a whole interval ago: at once").containsExactly(1L);
        }

        @Test
        void theSpreadNeverExceedsHalfTheInterval() {
            PollSchedule schedule = new PollSchedule(60_000);
            for (long id = 0; id < 200; id++) {
                assertThat(schedule.spread(id, 2_000)).isBetween(0L, 999L);
                assertThat(schedule.spread(id, 600_000)).isBetween(0L, 59_999L);
            }
            assertThat(new PollSchedule(0).spread(5, 1_000)).isZero();
        }

        @Test
        void aLateSchedulerDoesNotCatchUpInABurst() {
            PollSchedule schedule = new PollSchedule(0);
            schedule.schedule(1, 1_000, 0);
            assertThat(schedule.due(10_500)).containsExactly(1L);
            assertThat(schedule.due(11_000)).isEmpty();
            assertThat(schedule.due(11_500)).containsExactly(1L);
        }

        @Test
        void aShorterIntervalBringsTheNextPollCloserALongerOneKeepsIt() {
            PollSchedule schedule = new PollSchedule(0);
            schedule.schedule(1, 600_000, 0);
            schedule.due(0);
            schedule.schedule(1, 10_000, 5_000);
            assertThat(schedule.nextDue()).hasValue(15_000);
            schedule.schedule(1, 900_000, 6_000);
            assertThat(schedule.nextDue()).hasValue(15_000);
        }

        @Test
        void removedComputersAreNoLongerDue() {
            PollSchedule schedule = new PollSchedule(0);
            schedule.schedule(1, 1_000, 0);
            schedule.schedule(2, 1_000, 0);
            schedule.remove(1);
            assertThat(schedule.contains(1)).isFalse();
            assertThat(schedule.due(0)).containsExactly(2L);
            assertThat(schedule.size()).isEqualTo(1);
            assertThatThrownBy(() -> schedule.schedule(3, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aCallEndsWellWithinTheInterval() {
            assertThat(PollSchedule.callTimeoutMillis(600_000, 5_000)).isEqualTo(5_000);
            assertThat(PollSchedule.callTimeoutMillis(6_000, 5_000)).isEqualTo(3_000);
            assertThat(PollSchedule.callTimeoutMillis(1, 5_000)).isEqualTo(1);
        }
    }

    @Nested
    class RateLimit {
        @Test
        void startsWithOneTokenThenRefillsAtTheRate() {
            TokenBucket bucket = new TokenBucket(10, 0);
            assertThat(bucket.tryTake(0)).isZero();
            long wait = bucket.tryTake(0);
            assertThat(wait).isEqualTo(100_000_000L);
            assertThat(bucket.tryTake(wait - 1)).isPositive();
            assertThat(bucket.tryTake(wait)).isZero();
        }

        @Test
        void neverBurstsMoreThanOneSecondsWorth() {
            TokenBucket bucket = new TokenBucket(50, 0);
            long later = TimeUnit.HOURS.toNanos(1);
            int taken = 0;
            while (bucket.tryTake(later) == 0) {
                taken++;
            }
            assertThat(taken).isEqualTo(50);
        }

        @Test
        void overAnyPeriodTheRateHolds() {
            TokenBucket bucket = new TokenBucket(20, 0);
            int taken = 0;
            for (long now = 0; now <= TimeUnit.SECONDS.toNanos(10); now += TimeUnit.MILLISECONDS.toNanos(1)) {
                if (bucket.tryTake(now) == 0) {
                    taken++;
                }
            }
            assertThat(taken).isBetween(200, 201);
            assertThatThrownBy(() -> new TokenBucket(0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Failures {
        @Test
        void classifiesByTheCauseChain() {
            assertThat(FailureReason.classify(new ConnectException("Connection refused")))
                    .isEqualTo(FailureReason.REFUSED);
            assertThat(FailureReason.classify(new NoRouteToHostException())).isEqualTo(FailureReason.REFUSED);
            assertThat(FailureReason.classify(new SocketTimeoutException())).isEqualTo(FailureReason.TIMEOUT);
            assertThat(FailureReason.classify(new HttpConnectTimeoutException("x"))).isEqualTo(FailureReason.TIMEOUT);
            assertThat(FailureReason.classify(new SSLHandshakeException("alert"))).isEqualTo(FailureReason.TLS_FAILURE);
            SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
            untrusted.initCause(new CertificateException("unknown CA"));
            assertThat(FailureReason.classify(untrusted)).isEqualTo(FailureReason.CERTIFICATE_PROBLEM);
            SSLHandshakeException slow = new SSLHandshakeException("handshake");
            slow.initCause(new SocketTimeoutException("Read timed out"));
            assertThat(FailureReason.classify(slow)).isEqualTo(FailureReason.TIMEOUT);
            assertThat(FailureReason.classify(new IOException("broken pipe"))).isEqualTo(FailureReason.ERROR);
            assertThat(FailureReason.classify(new IOException("wrapped",
                    new ContactException(FailureReason.CERTIFICATE_PROBLEM, "x")))).isEqualTo(
                    FailureReason.CERTIFICATE_PROBLEM);
        }

        @Test
        void wireNamesAreTheContracts() {
            assertThat(List.of(FailureReason.values()).stream().map(FailureReason::wireName)).containsExactly(
                    "refused", "tls-failure", "timeout", "certificate-problem", "address-not-allowed", "error");
        }
    }

    @Nested
    class Queue {
        @Test
        void oneEntryPerComputerLatestContentFirstPlace() throws InterruptedException {
            PushQueue<String> queue = new PushQueue<>(2);
            assertThat(queue.offer(1, "a1")).isTrue();
            assertThat(queue.offer(2, "b1")).isTrue();
            assertThat(queue.offer(1, "a2")).as("replacing never needs room").isTrue();
            assertThat(queue.offer(3, "c1")).as("full").isFalse();
            assertThat(queue.size()).isEqualTo(2);
            assertThat(queue.poll(0, TimeUnit.MILLISECONDS)).hasValue("a2");
            assertThat(queue.poll(0, TimeUnit.MILLISECONDS)).hasValue("b1");
            assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isEmpty();
            assertThatThrownBy(() -> new PushQueue<String>(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Coordinator {
        private final List<PushRequest> pushed = new ArrayList<>();
        private final AtomicLong now = new AtomicLong(1_000_000);
        private final ContactCoordinator coordinator = new ContactCoordinator(new PollSchedule(0), pushed::add,
                now::get);

        private ComputerConfiguration record(long id, String direction, long interval) {
            AgentConfiguration configuration = new AgentConfiguration(interval, direction, null, List.of("any"));
            return new ComputerConfiguration(id, 1, Map.of(), configuration, ConfigFingerprint.of(configuration),
                    interval, 2, null, false, Instant.now());
        }

        @Test
        void learnsOnlyTheComputersOfItsPartitions() {
            coordinator.assigned(Set.of(0, 1));
            coordinator.record(0, 10, record(10, MI, 60), false);
            coordinator.record(5, 11, record(11, MI, 60), false);
            assertThat(coordinator.ownedComputers()).containsExactly(10L);
            assertThat(coordinator.partitions()).containsExactlyInAnyOrder(0, 1);
        }

        @Test
        void pollsManagerInitiatedComputersAtTheirInterval() {
            coordinator.assigned(Set.of(0));
            coordinator.record(0, 10, record(10, MI, 60), false);
            coordinator.record(0, 11, record(11, BI, 60), false);
            assertThat(coordinator.duePolls()).containsExactly(10L);
            now.addAndGet(59_999);
            assertThat(coordinator.duePolls()).isEmpty();
            now.addAndGet(1);
            assertThat(coordinator.duePolls()).containsExactly(10L);
        }

        @Test
        void pushesLiveChangesAndStopsPollingWhenTheDirectionChanges() {
            coordinator.assigned(Set.of(0));
            coordinator.record(0, 10, record(10, MI, 60), false);
            coordinator.record(0, 10, record(10, BI, 60), true);
            assertThat(pushed).singleElement().satisfies(p -> {
                assertThat(p.computerID()).isEqualTo(10);
                assertThat(p.configuration().communicationsDirection()).isEqualTo(BI);
                assertThat(p.configFingerprint()).isEqualTo(ConfigFingerprint.of(p.configuration()));
            });
            assertThat(coordinator.duePolls()).isEmpty();
        }

        @Test
        void revocationAndTombstonesForgetComputers() {
            coordinator.assigned(Set.of(0, 1));
            coordinator.record(0, 10, record(10, MI, 60), false);
            coordinator.record(1, 11, record(11, MI, 60), false);
            coordinator.record(1, 12, record(12, MI, 60), false);
            coordinator.revoked(Set.of(0));
            coordinator.record(1, 12, null, true);
            assertThat(coordinator.ownedComputers()).containsExactly(11L);
            assertThat(coordinator.owned(10)).isEqualTo(Optional.empty());
            assertThat(coordinator.duePolls()).containsExactly(11L);
            coordinator.record(0, 10, record(10, MI, 120), true);
            assertThat(coordinator.owned(10)).as("records of a revoked partition are ignored").isEmpty();
            assertThat(pushed).isEmpty();
        }
    }
}
