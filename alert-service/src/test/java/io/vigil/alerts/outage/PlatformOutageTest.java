package io.vigil.alerts.outage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * platform-outage through the shared PostgreSQL table: counts of several instances are summed, the alert is single
 * however often it is raised, it cannot be dismissed, and the running monitor clears it once the reported silence is
 * over (the test instance's row expires and the fleet is heard from).
 */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class PlatformOutageTest {

    @Inject
    OutageStore store;

    private static List<Integer> activeOutages() {
        return given().header("api-secret-key", "test-full-key")
                .get("/api/alerts?state=active&alertType=platform-outage").then().statusCode(200)
                .extract().jsonPath().getList("alerts.ID", Integer.class);
    }

    @Test
    void oneOutageAcrossInstancesThatClearsItself() {
        try (io.vigil.alerts.it.AlertTopic alerts = new io.vigil.alerts.it.AlertTopic()) {
            OutageRule.Fleet a = store.report("test-instance-a", 600, 200, 150, Duration.ofSeconds(3));
            OutageRule.Fleet both = store.report("test-instance-b", 400, 100, 90, Duration.ofSeconds(3));
            assertThat(both.tracked()).isGreaterThanOrEqualTo(a.tracked() + 400);
            assertThat(both.silent()).isGreaterThanOrEqualTo(300);
            assertThat(both.recentFirstMisses()).isGreaterThanOrEqualTo(240);

            assertThat(store.raise(both)).isTrue();
            assertThat(store.raise(both)).isTrue();
            List<Integer> active = activeOutages();
            assertThat(active).hasSize(1);
            given().header("api-secret-key", "test-full-key").post("/api/alerts/" + active.getFirst() + "/dismiss")
                    .then().statusCode(409).contentType("application/problem+json");

            await().atMost(Duration.ofSeconds(20)).until(() -> activeOutages().isEmpty());
            assertThat(store.activeOutage()).isFalse();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(alerts.types("alert:platform-outage"))
                    .containsExactly("vigil.alert.raised.v1", "vigil.alert.cleared.v1"));
        }
    }
}
