package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vigil.alerts.alert.AlertService;
import io.vigil.alerts.clock.ClockShift;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.events.Topics;
import io.vigil.testkit.VigilTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The console REST API of alerts, its errors, and the idempotent transitions behind it (real PostgreSQL + Kafka). */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class AlertResourceTest {

    @Inject
    AlertService alerts;

    private static RequestSpecification full() {
        return given().header("api-secret-key", "test-full-key");
    }

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private long raiseOffline(long computer, long last) throws Throwable {
        Outcome.OfflineAlert offline = new Outcome.OfflineAlert(computer, "host-" + computer, last, last + 66_000,
                last + 66_100, 1, 60, 0);
        assertThat(run(() -> alerts.raiseOffline(offline))).isTrue();
        return full().get("/api/alerts?computerID=" + computer + "&state=active").then().statusCode(200)
                .extract().jsonPath().getLong("alerts[0].ID");
    }

    @Test
    void offlineAlertHasTheContractShapeAndIsRaisedOncePerSilence() throws Throwable {
        long computer = TestFleet.newComputerID();
        long id = raiseOffline(computer, 1_000_000);
        Outcome.OfflineAlert again = new Outcome.OfflineAlert(computer, "x", 1_000_000, 1_066_000, 1_066_100, 1, 60, 0);
        assertThat(run(() -> alerts.raiseOffline(again))).isFalse();
        full().get("/api/alerts/" + id).then().statusCode(200)
                .body("ID", equalTo((int) id))
                .body("alertType", equalTo("agent-offline"))
                .body("name", equalTo("Agent/Appliance Offline"))
                .body("severity", equalTo("critical"))
                .body("computerID", equalTo(computer))
                .body("hostName", equalTo("host-" + computer))
                .body("raisedAt", notNullValue())
                .body("occurrences", equalTo(1))
                .body("state", equalTo("active"))
                .body("dismissible", equalTo(true))
                .body("description", notNullValue())
                .body("details.lastHeartbeatAt", equalTo(1_000_000))
                .body("details.deadline", equalTo(1_066_000));
        full().get("/api/alerts?computerID=" + computer).then().body("alerts", hasSize(1));
    }

    @Test
    void dismissalIsStoredPublishedAndAuditedAndTheSilenceIsNotRaisedAgain() throws Throwable {
        try (TopicWatcher alertTopic = new TopicWatcher(Topics.ALERTS);
             TopicWatcher audit = new TopicWatcher(Topics.AUDIT)) {
            long computer = TestFleet.newComputerID();
            long id = raiseOffline(computer, 2_000_000);
            full().post("/api/alerts/" + id + "/dismiss").then().statusCode(200)
                    .body("state", equalTo("dismissed"));
            full().post("/api/alerts/" + id + "/dismiss").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString("dismissed"));
            Outcome.OfflineAlert same = new Outcome.OfflineAlert(computer, "x", 2_000_000, 2_066_000, 2_100_000, 2,
                    60, 0);
            assertThat(run(() -> alerts.raiseOffline(same))).isFalse();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(alertTopic.forKey(computer)).extracting(s -> s.event().get("type").asText())
                        .containsExactly("vigil.alert.raised.v1", "vigil.alert.dismissed.v1");
                assertThat(audit.forKey(computer)).singleElement().satisfies(s -> {
                    assertThat(s.event().at("/data/action").asText()).isEqualTo("alert.dismissed");
                    assertThat(s.event().at("/data/actor").asText()).startsWith("api-key:");
                    assertThat(s.event().at("/data/after/state").asText()).isEqualTo("dismissed");
                });
            });
            assertThat(alertTopic.forKey(computer).get(0).event().at("/data/ID").asLong()).isEqualTo(id);
        }
    }

    @Test
    void clockChangeRepeatsUpdateAndAfterDismissalANewAlertIsRaised() throws Throwable {
        long computer = TestFleet.newComputerID();
        run(() -> alerts.clockChange(clock(computer, 10_000)));
        run(() -> alerts.clockChange(clock(computer, 20_000)));
        assertThat(run(() -> alerts.clockChange(clock(computer, 20_000)))).isFalse();
        long id = full().get("/api/alerts?alertType=clock-change&computerID=" + computer).then().statusCode(200)
                .body("alerts", hasSize(1))
                .body("alerts[0].occurrences", equalTo(2))
                .body("alerts[0].raisedAt", equalTo(10_000))
                .body("alerts[0].lastOccurrenceAt", equalTo(20_000))
                .body("alerts[0].details.shiftSeconds", equalTo(3600.0f))
                .body("alerts[0].details.agentTime", notNullValue())
                .extract().jsonPath().getLong("alerts[0].ID");
        full().post("/api/alerts/" + id + "/dismiss").then().statusCode(200);
        run(() -> alerts.clockChange(clock(computer, 30_000)));
        full().get("/api/alerts?alertType=clock-change&computerID=" + computer).then()
                .body("alerts", hasSize(2)).body("alerts[1].state", equalTo("active"))
                .body("alerts[1].occurrences", equalTo(1));
    }

    private static Outcome.ClockChangeDetected clock(long computer, long at) {
        return new Outcome.ClockChangeDetected(computer, "h", new ClockShift("a", "b", at - 600_000, at, 3_600_000,
                ClockShift.COMPARISON));
    }

    @Test
    void filtersAndPaging() throws Throwable {
        long computer = TestFleet.newComputerID();
        long first = raiseOffline(computer, 5_000_000);
        run(() -> alerts.clearOffline(new Outcome.OfflineCleared(computer, 5_000_000, 5_100_000, 5_100_000,
                "reconnected")));
        long second = raiseOffline(computer, 5_100_000);
        full().get("/api/alerts?state=cleared&computerID=" + computer).then().statusCode(200)
                .body("alerts", hasSize(1)).body("alerts[0].ID", equalTo((int) first))
                .body("alerts[0].details.reconnectedAt", equalTo(5_100_000));
        full().get("/api/alerts?state=active&computerID=" + computer).then()
                .body("alerts", hasSize(1)).body("alerts[0].ID", equalTo((int) second));
        full().get("/api/alerts?state=all&computerID=" + computer + "&limit=1").then()
                .body("alerts", hasSize(1)).body("alerts[0].ID", equalTo((int) first));
        var page = full().get("/api/alerts?computerID=" + computer + "&limit=1").then().extract();
        String next = page.path("next");
        assertThat(next).isEqualTo("/api/alerts?computerID=" + computer + "&limit=1&after=" + first);
        assertThat(page.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        full().get(next).then().body("alerts", hasSize(1)).body("alerts[0].ID", equalTo((int) second))
                .body("next", nullValue()).header("Link", nullValue());
        full().get("/api/alerts?state=active&alertType=agent-offline").then().statusCode(200)
                .body("alerts.state", everyItem(equalTo("active")))
                .body("alerts.alertType", everyItem(equalTo("agent-offline")));
    }

    @Test
    void summaryCountsOpenAlertsByTypeAndSeverity() throws Throwable {
        JsonPath before = summary();
        long computer = TestFleet.newComputerID();
        long offline = raiseOffline(computer, 8_000_000);
        run(() -> alerts.clockChange(clock(computer, 8_010_000)));
        JsonPath raised = summary();
        assertThat(open(raised, "byType", "agent-offline") - open(before, "byType", "agent-offline")).isEqualTo(1);
        assertThat(open(raised, "byType", "clock-change") - open(before, "byType", "clock-change")).isEqualTo(1);
        assertThat(open(raised, "bySeverity", "critical") - open(before, "bySeverity", "critical")).isEqualTo(1);
        assertThat(open(raised, "bySeverity", "warning") - open(before, "bySeverity", "warning")).isEqualTo(1);
        assertThat(raised.getLong("open") - before.getLong("open")).isEqualTo(2);
        assertThat(raised.getList("byType.open", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(raised.getLong("open"));
        full().post("/api/alerts/" + offline + "/dismiss").then().statusCode(200);
        JsonPath dismissed = summary();
        assertThat(open(raised, "byType", "agent-offline") - open(dismissed, "byType", "agent-offline"))
                .isEqualTo(1);
        assertThat(raised.getLong("open") - dismissed.getLong("open")).isEqualTo(1);
        given().get("/api/alerts/summary").then().statusCode(401).contentType("application/problem+json");
    }

    private static JsonPath summary() {
        return given().header("api-secret-key", "test-read-key").get("/api/alerts/summary").then().statusCode(200)
                .extract().jsonPath();
    }

    private static long open(JsonPath summary, String list, String name) {
        String key = list.equals("byType") ? "alertType" : "severity";
        return summary.getLong(list + ".find { it." + key + " == '" + name + "' }.open");
    }

    @Test
    void badInputIsAPreciseProblem() {
        full().get("/api/alerts?state=open").then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("state"));
        full().get("/api/alerts?limit=0").then().statusCode(400).body("invalidParams[0].name", equalTo("limit"));
        full().get("/api/alerts?limit=1001").then().statusCode(400);
        full().get("/api/alerts?computerID=abc").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("computerID"));
        full().get("/api/alerts?alertType=fire").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("alertType"));
        full().get("/api/alerts?after=-1").then().statusCode(400);
        full().get("/api/alerts/abc").then().statusCode(400).contentType("application/problem+json");
        full().get("/api/alerts/999999999").then().statusCode(404).contentType("application/problem+json");
        full().post("/api/alerts/999999999/dismiss").then().statusCode(404);
        full().post("/api/alerts/0/dismiss").then().statusCode(400);
    }

    @Test
    void apiKeysAreRequiredAndReadOnlyKeysCannotDismiss() throws Throwable {
        long id = raiseOffline(TestFleet.newComputerID(), 7_000_000);
        given().get("/api/alerts").then().statusCode(401).contentType("application/problem+json");
        given().header("api-secret-key", "wrong").get("/api/alerts/" + id).then().statusCode(401);
        given().header("api-secret-key", "test-read-key").get("/api/alerts/" + id).then().statusCode(200);
        given().header("api-secret-key", "test-read-key").post("/api/alerts/" + id + "/dismiss").then()
                .statusCode(403);
        full().get("/api/alerts/" + id).then().body("state", equalTo("active"));
    }
}
