package io.vigil.alerts.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vigil.alerts.alert.AlertService;
import io.vigil.alerts.alert.OpenAlertGauges;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil_alerts_open{type}} counts the active alerts in the database, as the console API lists them. */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class OpenAlertGaugesTest {

    @Inject
    AlertService alerts;

    @Inject
    OpenAlertGauges gauges;

    @Inject
    MeterRegistry meters;

    private double gauge(String type) {
        return meters.get("vigil.alerts.open").tag("type", type).gauge().value();
    }

    private static int activeListed(String type) {
        return given().header("api-secret-key", "test-full-key")
                .get("/api/alerts?state=active&alertType=" + type + "&limit=1000").then().statusCode(200)
                .extract().jsonPath().getList("alerts").size();
    }

    @Test
    void anOfflineAlertRaisedIsCountedAsOpenAndEveryTypeHasAGauge() throws Throwable {
        long computer = TestFleet.newComputerID();
        Outcome.OfflineAlert offline = new Outcome.OfflineAlert(computer, "gauge-" + computer, 5_000_000,
                5_066_000, 5_066_100, 1, 60, 0);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> alerts.raiseOffline(offline))).isTrue();

        VertxContextSupport.subscribeAndAwait(gauges::refresh);

        assertThat(gauge("agent-offline")).isGreaterThanOrEqualTo(1).isEqualTo(activeListed("agent-offline"));
        assertThat(gauge("clock-change")).isEqualTo(activeListed("clock-change"));
        assertThat(gauge("platform-outage")).isEqualTo(activeListed("platform-outage"));
    }
}
