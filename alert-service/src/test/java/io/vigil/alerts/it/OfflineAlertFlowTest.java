package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.events.Topics;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The offline and clock-change alerts end to end: heartbeats on real Kafka in, alerts in PostgreSQL and on Kafka. */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class OfflineAlertFlowTest {

    static JsonPath alerts(String query) {
        return given().header("api-secret-key", "test-full-key").get("/api/alerts?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void offlineAtTheNPlusOneDeadlineThenClearedAtTheNextHeartbeat() {
        long computer = TestFleet.newComputerID();
        try (TestFleet fleet = new TestFleet(); TopicWatcher alertTopic = new TopicWatcher(Topics.ALERTS);
             TopicWatcher liveness = new TopicWatcher(Topics.LIVENESS)) {
            fleet.register(computer, "web-" + computer);
            fleet.configure(computer, 2, 1, null);
            fleet.heartbeat(computer);
            long last = fleet.heartbeat(computer);
            long deadline = last + 2 * 2_000 + 200;
            await().pollInterval(Duration.ofMillis(50)).atMost(Duration.ofSeconds(20))
                    .until(() -> alerts("state=active&computerID=" + computer).getList("alerts").size() == 1);
            JsonPath alert = alerts("state=active&computerID=" + computer);
            assertThat(alert.getLong("alerts[0].details.deadline")).isEqualTo(deadline);
            assertThat(alert.getLong("alerts[0].details.lastHeartbeatAt")).isEqualTo(last);
            assertThat(alert.getLong("alerts[0].raisedAt")).isGreaterThanOrEqualTo(deadline)
                    .as("at most one second after the deadline").isLessThanOrEqualTo(deadline + 1_000);
            assertThat(alert.getString("alerts[0].hostName")).isEqualTo("web-" + computer);
            assertThat(alert.getInt("alerts[0].details.missedHeartbeats")).isEqualTo(2);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(liveness.forKey(computer))
                    .extracting(s -> s.event().at("/data/missedHeartbeats").asInt() + ":"
                            + s.event().at("/data/offline").asBoolean())
                    .startsWith("1:false", "2:true"));

            long back = fleet.heartbeat(computer);
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts("state=cleared&computerID=" + computer)
                    .getList("alerts").size() == 1);
            assertThat(alerts("state=cleared&computerID=" + computer).getLong("alerts[0].details.reconnectedAt"))
                    .isEqualTo(back);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(alertTopic.forKey(computer)).extracting(s -> s.event().get("type").asText())
                        .containsExactly("vigil.alert.raised.v1", "vigil.alert.cleared.v1");
                assertThat(liveness.forKey(computer).getLast().event().at("/data/missedHeartbeats").asInt())
                        .isZero();
            });
        }
    }

    @Test
    void clockChangeFromTwoHeartbeatsThroughKafka() {
        long computer = TestFleet.newComputerID();
        try (TestFleet fleet = new TestFleet()) {
            fleet.configure(computer, 60, 2, 30L);
            fleet.heartbeat(computer, Instant.now().toString());
            fleet.heartbeat(computer, Instant.now().minusSeconds(3_600).toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> alerts("alertType=clock-change&computerID=" + computer)
                    .getList("alerts").size() == 1);
            JsonPath alert = alerts("alertType=clock-change&computerID=" + computer);
            assertThat(alert.getDouble("alerts[0].details.shiftSeconds")).isBetween(-3_601.0, -3_599.0);
            assertThat(alert.getString("alerts[0].severity")).isEqualTo("warning");
            assertThat(List.of(alert.getString("alerts[0].details.previousAgentTime"),
                    alert.getString("alerts[0].details.agentTime"))).doesNotContainNull();
        }
    }

    @Test
    void anAgentAtTheEndOfTimeBlindsNoOne() {
        long odd = TestFleet.newComputerID();
        long silent = TestFleet.newComputerID();
        try (TestFleet fleet = new TestFleet()) {
            fleet.configure(odd, 60, 2, 30L);
            fleet.configure(silent, 2, 1, null);
            fleet.heartbeat(odd, Instant.now().toString());
            fleet.heartbeat(odd, "+999999999-12-31T23:59:59Z");
            long last = fleet.heartbeat(silent);
            await().atMost(Duration.ofSeconds(20)).until(() -> alerts("state=active&computerID=" + silent)
                    .getList("alerts").size() == 1);
            assertThat(alerts("state=active&computerID=" + silent).getLong("alerts[0].details.deadline"))
                    .isEqualTo(last + 2 * 2_000 + 200);
            await().atMost(Duration.ofSeconds(10)).until(() -> alerts("alertType=clock-change&computerID=" + odd)
                    .getList("alerts").size() == 1);
            assertThat(alerts("alertType=clock-change&computerID=" + odd).getString("alerts[0].details.agentTime"))
                    .isEqualTo("+999999999-12-31T23:59:59Z");
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'deadline-engine' }.status", org.hamcrest.Matchers.equalTo("UP"));
            given().get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("vigil_alerts_engine_judging 1.0"));
        }
    }

    @Test
    void agentTimesPassIntoTheDetailsAsSent() {
        long computer = TestFleet.newComputerID();
        String first = "2026-12-06T10:00:00.000+01:00";
        String second = "2026-12-06T12:00:00.500000+01:00";
        try (TestFleet fleet = new TestFleet()) {
            fleet.configure(computer, 60, 2, 30L);
            fleet.heartbeat(computer, first);
            fleet.heartbeat(computer, second);
            await().atMost(Duration.ofSeconds(20)).until(() -> alerts("alertType=clock-change&computerID=" + computer)
                    .getList("alerts").size() == 1);
            JsonPath alert = alerts("alertType=clock-change&computerID=" + computer);
            assertThat(alert.getString("alerts[0].details.previousAgentTime")).isEqualTo(first);
            assertThat(alert.getString("alerts[0].details.agentTime")).isEqualTo(second);
        }
    }

    @Test
    void everyClockChangeEventOfOneHeartbeatCounts() {
        long computer = TestFleet.newComputerID();
        String now = Instant.now().toString();
        try (TestFleet fleet = new TestFleet()) {
            fleet.configure(computer, 60, 2, 30L);
            fleet.heartbeat(computer, now, List.of(
                    new HeartbeatReceived.ClockChange("2026-12-06T10:00:00+01:00", 120, "2026-12-06T09:58:00+01:00"),
                    new HeartbeatReceived.ClockChange("2026-12-06T11:00:00+01:00", -3_600, "2026-12-06T12:00:00+01:00"),
                    new HeartbeatReceived.ClockChange("+999999999-12-31T23:59:59Z", Long.MAX_VALUE,
                            "-999999999-01-01T00:00:00Z")));
            await().atMost(Duration.ofSeconds(20)).until(() -> alerts("alertType=clock-change&computerID=" + computer)
                    .getList("alerts").size() == 1);
            JsonPath alert = alerts("alertType=clock-change&computerID=" + computer);
            assertThat(alert.getInt("alerts[0].occurrences")).isEqualTo(3);
            assertThat(alert.getString("alerts[0].details.agentTime")).isEqualTo("+999999999-12-31T23:59:59Z");
            assertThat(alert.getString("alerts[0].details.previousAgentTime")).isEqualTo("-999999999-01-01T00:00:00Z");
            assertThat(alert.getDouble("alerts[0].details.shiftSeconds")).isGreaterThan(9.2e18);
        }
    }
}
