package io.vigil.registry.summary;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.registry.Api;
import io.vigil.registry.RegistryTestResource;
import io.vigil.registry.status.StatusEventsTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * {@code GET /api/computers/summary} and the list filters it matches, through the real status engine (Kafka) and
 * database. Other tests share the database, so counts are compared before and after this test's own computers move;
 * tests run one after the other.
 */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ComputerSummaryTest {

    static final String FP_A = "sha256:" + "a".repeat(64);
    static final String FP_B = "sha256:" + "b".repeat(64);

    @Test
    void countsFollowStatusConfigurationAndDeactivation() {
        JsonPath before = summary();
        long id = Api.activate(Api.hostName("sum"));
        JsonPath activated = summary();
        assertThat(delta(before, activated, "computers")).isEqualTo(1);
        assertThat(delta(before, activated, "byAgentStatus.active")).isEqualTo(1);
        assertThat(delta(before, activated, "configuration.unknown")).isEqualTo(1);
        assertThat(release(activated, "20") - release(before, "20")).isEqualTo(1);
        assertThat(mode(activated, "default") - mode(before, "default")).isEqualTo(1);

        StatusEventsTest.heartbeat(id, FP_A, null);
        StatusEventsTest.send(Topics.COMPUTER_CONFIG, id, EventTypes.COMPUTER_CONFIGURATION,
                new ComputerConfiguration(id, 7, Map.of(), null, FP_B, 600, 2, null, false, Instant.now()));
        await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                .body("configuration.upToDate", equalTo(false)));
        JsonPath stale = summary();
        assertThat(delta(activated, stale, "configuration.outOfDate")).isEqualTo(1);
        assertThat(delta(activated, stale, "configuration.unknown")).isEqualTo(-1);
        Api.read().get("/api/computers?configuration=out-of-date&limit=1000").then().statusCode(200)
                .body("computers.ID", hasItem((int) id));
        Api.read().get("/api/computers?configuration=UP-TO-DATE&limit=1000").then().statusCode(200)
                .body("computers.ID", not(hasItem((int) id)));

        Api.full().delete("/api/computers/" + id).then().statusCode(204);
        JsonPath gone = summary();
        assertThat(delta(stale, gone, "computers")).isZero();
        assertThat(delta(stale, gone, "byAgentStatus.active")).isEqualTo(-1);
        assertThat(delta(stale, gone, "byAgentStatus.inactive")).isEqualTo(1);
        assertThat(delta(stale, gone, "configuration.outOfDate")).isEqualTo(-1);
        Api.read().get("/api/computers?configuration=out-of-date&limit=1000").then()
                .body("computers.ID", not(hasItem((int) id)));
    }

    @Test
    void everyCountAddsUpAndEveryModeIsJudged() {
        Api.activate(Api.hostName("sum-sum"));
        JsonPath s = summary();
        long total = s.getLong("computers");
        long inactive = s.getLong("byAgentStatus.inactive");
        assertThat(s.getLong("byAgentStatus.active") + s.getLong("byAgentStatus.offline")
                + s.getLong("byAgentStatus.vmStopped") + inactive).isEqualTo(total);
        assertThat(s.getLong("configuration.upToDate") + s.getLong("configuration.outOfDate")
                + s.getLong("configuration.unknown")).isEqualTo(total - inactive);
        assertThat(s.getList("byAgentRelease.computers", Long.class).stream().mapToLong(Long::longValue).sum())
                .isEqualTo(total - inactive);
        assertThat(s.getList("tlsCompatibility.mode", String.class))
                .containsExactly("default", "legacy", "strong", "fips");
        for (int i = 0; i < 4; i++) {
            String at = "tlsCompatibility[" + i + "].";
            assertThat(s.getLong(at + "compatible") + s.getLong(at + "cutOff") + s.getLong(at + "unknown"))
                    .isEqualTo(total - inactive);
        }
        io.restassured.RestAssured.given().get("/api/computers/summary").then().statusCode(401);
    }

    @Test
    void filtersByAgentVersionPrefixAndRelease() {
        String host = Api.hostName("ver");
        long id = Api.activate(host);
        Api.read().get("/api/computers?hostName=" + host + "&agentVersion=20.0.1").then().statusCode(200)
                .body("computers.ID", equalTo(List.of((int) id)));
        Api.read().get("/api/computers?hostName=" + host + "&agentVersion=20.0.1-3445&agentRelease=20").then()
                .body("computers.ID", equalTo(List.of((int) id)));
        Api.read().get("/api/computers?hostName=" + host + "&agentVersion=20.0.2").then()
                .body("computers", equalTo(List.of()));
        Api.read().get("/api/computers?hostName=" + host + "&agentRelease=12").then()
                .body("computers", equalTo(List.of()));
    }

    @Test
    void refusesBadFilterValuesNamingThem() {
        Api.read().get("/api/computers?configuration=stale").then().statusCode(400).contentType(Api.PROBLEM)
                .body("invalidParams[0].name", equalTo("configuration"))
                .body("invalidParams[0].allowed", equalTo("up-to-date, out-of-date, unknown"));
        Api.read().queryParam("agentVersion", "20%").get("/api/computers").then().statusCode(400).contentType(Api.PROBLEM)
                .body("invalidParams[0].name", equalTo("agentVersion")).body("invalidParams[0].value",
                        equalTo("20%"));
        Api.read().get("/api/computers?agentRelease=" + "9".repeat(65)).then().statusCode(400)
                .contentType(Api.PROBLEM)
                .body("invalidParams[0].name", equalTo("agentRelease"));
    }

    private static JsonPath summary() {
        return Api.read().get("/api/computers/summary").then().statusCode(200).extract().jsonPath();
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        return after.getLong(path) - before.getLong(path);
    }

    private static long release(JsonPath s, String release) {
        List<Map<String, Object>> rows = s.getList("byAgentRelease");
        return rows.stream().filter(r -> release.equals(r.get("agentRelease")))
                .mapToLong(r -> ((Number) r.get("computers")).longValue()).sum();
    }

    private static long mode(JsonPath s, String mode) {
        List<Map<String, Object>> rows = s.getList("tlsCompatibility");
        return rows.stream().filter(r -> mode.equals(r.get("mode"))).mapToLong(r -> ((Number) r.get("compatible"))
                .longValue() + ((Number) r.get("cutOff")).longValue() + ((Number) r.get("unknown")).longValue())
                .sum();
    }
}
