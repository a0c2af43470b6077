package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.alerts.engine.DeadlineEngine;
import io.vigil.alerts.engine.EngineRunner;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.vigil.alerts.it.JudgedOnTheBrokersClockTest.withGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A silence longer than the rebuild window survives a restart: scaled down (rebuild window 3 s, deadline 11 s after
 * the last heartbeat), an engine is stopped after the heartbeat, started again only once the heartbeat has left the
 * window it rebuilds from, and still alerts at the deadline, from the liveness snapshot alone. And a shorter interval
 * that arrived after the last heartbeat (it applies from the next one) is not applied early by a restart, although the
 * rebuild knows only the latest configuration.
 */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class LongSilenceSurvivesRestartTest {

    private static final Duration WINDOW = Duration.ofSeconds(3);

    @Inject
    EngineRunner runner;

    @AfterEach
    void serviceEngineBack() {
        runner.start();
    }

    @Test
    void aHeartbeatOlderThanTheRebuildWindowStillAlertsAtItsDeadline() {
        runner.stop();
        String group = "long-silence-" + UUID.randomUUID();
        RecordingSink before = new RecordingSink(runner.sink());
        RecordingSink after = new RecordingSink(runner.sink());
        long computer = TestFleet.newComputerID();
        try (TestFleet fleet = new TestFleet()) {
            fleet.configure(computer, 10, 0, null);
            long last;
            try (DeadlineEngine first = runner.newEngine(s -> withGroup(s, group, WINDOW), before,
                    System::currentTimeMillis)) {
                first.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> first.gauges().holdBackMillis() >= 0
                        && first.gauges().holdBackMillis() < 1_000);
                last = fleet.heartbeat(computer);
                await().atMost(Duration.ofSeconds(60)).until(() -> before.snapshotted(computer));
            }
            long deadline = last + 10_000 + 1_000;
            await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(10))
                    .until(() -> System.currentTimeMillis() > last + WINDOW.toMillis() + 300);
            try (DeadlineEngine second = runner.newEngine(s -> withGroup(s, group, WINDOW), after,
                    System::currentTimeMillis)) {
                second.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> !after.offline(computer).isEmpty());
                RecordingSink.Decided decided = after.offline(computer).getFirst();
                assertThat(decided.alert().deadline()).isEqualTo(deadline);
                assertThat(decided.alert().lastHeartbeatAt()).isEqualTo(last);
                assertThat(decided.at()).isBetween(deadline, deadline + 1_000);
                assertThat(before.offline(computer)).isEmpty();
            }
        }
    }

    @Test
    void aShorterIntervalWaitingForTheNextHeartbeatIsNotAppliedEarlyByARestart() {
        runner.stop();
        String group = "waiting-change-" + UUID.randomUUID();
        RecordingSink before = new RecordingSink(runner.sink());
        RecordingSink after = new RecordingSink(runner.sink());
        long computer = TestFleet.newComputerID();
        Duration window = Duration.ofMinutes(5);
        try (TestFleet fleet = new TestFleet()) {
            fleet.configure(computer, 10, 0, null);
            long last;
            try (DeadlineEngine first = runner.newEngine(s -> withGroup(s, group, window), before,
                    System::currentTimeMillis)) {
                first.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> first.gauges().holdBackMillis() >= 0
                        && first.gauges().holdBackMillis() < 1_000);
                last = fleet.heartbeat(computer);
                fleet.configure(computer, 2, 0, null);
                await("the waiting change kept on the snapshot topic").atMost(Duration.ofSeconds(30))
                        .until(() -> before.snapshotted(computer));
            }
            long deadline = last + 10_000 + 1_000;
            try (DeadlineEngine second = runner.newEngine(s -> withGroup(s, group, window), after,
                    System::currentTimeMillis)) {
                second.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> !after.offline(computer).isEmpty());
                RecordingSink.Decided decided = after.offline(computer).getFirst();
                assertThat(decided.alert().deadline()).as("the interval the silence began with").isEqualTo(deadline);
                assertThat(decided.at()).isBetween(deadline, deadline + 1_000);
                assertThat(before.offline(computer)).isEmpty();
            }
        }
    }
}
