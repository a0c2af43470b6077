package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.alerts.engine.DeadlineEngine;
import io.vigil.alerts.engine.EngineRunner;
import io.vigil.alerts.engine.EngineSettings;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines are judged on the broker's clock, never on this host's: an engine whose host clock runs a minute ahead
 * of the broker's decides the offline alert no earlier than the deadline (computed from broker receive times), and no
 * later than a second after it.
 */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class JudgedOnTheBrokersClockTest {

    @Inject
    EngineRunner runner;

    static EngineSettings withGroup(EngineSettings s, String group, Duration lookback) {
        return new EngineSettings(s.kafka(), s.failures(), group, s.pollTimeout(), s.watermarkRefresh(),
                s.clockSkewMargin(), lookback, s.defaults(), s.maxHoldBack());
    }

    @AfterEach
    void serviceEngineBack() {
        runner.start();
    }

    @Test
    void aHostClockAheadOfTheBrokerNeverMakesAnAlertEarly() {
        runner.stop();
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'deadline-engine' }.status", equalTo("DOWN"));
        given().get("/q/metrics").then().body(containsString("vigil_alerts_engine_judging 0.0"));
        RecordingSink sink = new RecordingSink(runner.sink());
        long computer = TestFleet.newComputerID();
        DeadlineEngine engine = runner.newEngine(s -> withGroup(s, "clock-test-" + UUID.randomUUID(),
                s.rebuildLookback()), sink, () -> System.currentTimeMillis() + 60_000);
        try (TestFleet fleet = new TestFleet(); engine) {
            fleet.configure(computer, 2, 0, null);
            engine.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> engine.gauges().holdBackMillis() >= 0
                    && engine.gauges().holdBackMillis() < 1_000);
            long last = fleet.heartbeat(computer);
            long deadline = last + 2_000 + 200;
            await().atMost(Duration.ofSeconds(30)).until(() -> !sink.offline(computer).isEmpty());
            RecordingSink.Decided decided = sink.offline(computer).getFirst();
            assertThat(decided.alert().deadline()).isEqualTo(deadline);
            assertThat(decided.at()).as("decided on this host's real clock").isGreaterThanOrEqualTo(deadline);
            assertThat(decided.alert().judgedAt()).isGreaterThanOrEqualTo(deadline).isLessThan(deadline + 1_000);
            assertThat(decided.at()).isLessThanOrEqualTo(deadline + 1_000);
        }
    }
}
