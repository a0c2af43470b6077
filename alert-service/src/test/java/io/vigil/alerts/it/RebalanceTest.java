package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.alerts.engine.DeadlineEngine;
import io.vigil.alerts.engine.EngineRunner;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import static io.vigil.alerts.it.OfflineAlertFlowTest.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engines of the group share the partitions; a join and a leave move partitions, which are rebuilt from the log
 * without losing a deadline or raising a duplicate.
 */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class RebalanceTest {

    @Inject
    EngineRunner runner;

    @Test
    void aSecondInstanceTakesPartitionsWithoutFalseOrDuplicateAlerts() {
        List<Long> beating = new ArrayList<>();
        List<Long> silent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            beating.add(TestFleet.newComputerID());
            silent.add(TestFleet.newComputerID());
        }
        try (TestFleet fleet = new TestFleet(); DeadlineEngine second = runner.newEngine()) {
            beating.forEach(id -> fleet.configure(id, 2, 1, null));
            silent.forEach(id -> fleet.configure(id, 3, 1, null));
            ScheduledFuture<?> beats = fleet.keepBeating(beating, 300);
            silent.forEach(fleet::heartbeat);
            silent.forEach(fleet::heartbeat);

            second.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> second.tracked() > 0
                    && runner.engine().tracked() > 0 && second.gauges().holdBackMillis() >= 0
                    && second.gauges().holdBackMillis() < 1_000);

            // the silent computers' deadlines (last + 2·3 s + 0.3 s) fall around the rebalance: each alerted once
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> silent.forEach(id ->
                    assertThat(alerts("computerID=" + id).getList("alerts")).hasSize(1)));

            second.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> runner.engine().gauges().holdBackMillis() >= 0
                    && runner.engine().gauges().holdBackMillis() < 1_000 && second.tracked() == 0);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                silent.forEach(id -> assertThat(alerts("computerID=" + id).getList("alerts")).hasSize(1));
                beating.forEach(id -> assertThat(alerts("computerID=" + id).getList("alerts")).isEmpty());
            });
            beats.cancel(false);
            assertThat(fleet.failures()).isZero();
        }
    }
}
