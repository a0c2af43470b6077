package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.alerts.engine.EngineRunner;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static io.vigil.alerts.it.OfflineAlertFlowTest.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * The platform's own downtime is not the agents' trouble: with the engine stopped for many intervals while agents keep
 * beating into Kafka, a restart rebuilds from the log and judges only what it has read, so no offline alert appears.
 * A computer that really fell silent meanwhile is still alerted after the restart.
 */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class RestartWithoutFalseAlertsTest {

    @Inject
    EngineRunner runner;

    @Test
    void stoppedForManyIntervalsWhileAgentsBeatGivesNoOfflineAlert() {
        long beating = TestFleet.newComputerID();
        long silent = TestFleet.newComputerID();
        try (TestFleet fleet = new TestFleet()) {
            fleet.configure(beating, 2, 0, null);
            fleet.configure(silent, 1, 0, null);
            fleet.heartbeat(silent);
            fleet.heartbeat(silent);
            ScheduledFuture<?> beats = fleet.keepBeating(List.of(beating), 400);
            await().atMost(Duration.ofSeconds(15)).until(() -> alerts("state=active&computerID=" + silent)
                    .getList("alerts").size() == 1);

            runner.stop();
            AtomicLong sent = new AtomicLong(fleet.heartbeat(beating));
            // engine down for well over several intervals (I = 2 s, N = 0): the agent keeps beating meanwhile
            await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(15))
                    .until(() -> fleet.heartbeat(beating) - sent.get() >= 8_000);
            runner.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> runner.engine().gauges().holdBackMillis() >= 0
                    && runner.engine().gauges().holdBackMillis() < 1_000);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(20))
                    .until(() -> alerts("computerID=" + beating).getList("alerts").isEmpty());
            assertThat(alerts("computerID=" + silent).getList("alerts")).hasSize(1);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("vigil_alerts_judgement_holdback_seconds"))
                    .body(containsString("vigil_alerts_consumer_lag"));

            beats.cancel(false);
            assertThat(fleet.failures()).isZero();
            await().atMost(Duration.ofSeconds(15)).until(() -> alerts("state=active&computerID=" + beating)
                    .getList("alerts").size() == 1);
        }
    }
}
