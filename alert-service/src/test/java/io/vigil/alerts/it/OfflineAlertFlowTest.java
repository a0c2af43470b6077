package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.events.Topics;
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
            await().atMost(Duration.ofSeconds(20)).until(() -> alerts("state=active&computerID=" + computer)
                    .getList("alerts").size() == 1);
            JsonPath alert = alerts("state=active&computerID=" + computer);
            assertThat(alert.getLong("alerts[0].details.deadline")).isEqualTo(deadline);
            assertThat(alert.getLong("alerts[0].details.lastHeartbeatAt")).isEqualTo(last);
            assertThat(alert.getLong("alerts[0].raisedAt")).isGreaterThanOrEqualTo(deadline);
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
}
