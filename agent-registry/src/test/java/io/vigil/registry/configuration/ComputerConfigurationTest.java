package io.vigil.registry.configuration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.ConfigurationSource;
import io.vigil.registry.Api;
import io.vigil.registry.RegistryTestResource;
import io.vigil.registry.status.StatusEventsTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /api/computers/{id}/configuration} through the real Kafka topic and the registry's database. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ComputerConfigurationTest {

    static final AgentConfiguration TEN_MINUTES = new AgentConfiguration(600, "Bidirectional", null, List.of("any"));
    static final AgentConfiguration TWO_MINUTES = new AgentConfiguration(120, "Bidirectional", null, List.of("any"));

    static Map<String, ConfigurationSource> sources(long intervalPolicy) {
        return Map.of("heartbeatIntervalSeconds", new ConfigurationSource("platformSettingHeartbeatInterval",
                        "policy", intervalPolicy, null),
                "communicationsDirection", new ConfigurationSource("platformSettingAgentCommunicationsDirection",
                        "default", null, null));
    }

    static void publish(long id, AgentConfiguration configuration, long intervalPolicy) {
        StatusEventsTest.send(Topics.COMPUTER_CONFIG, id, EventTypes.COMPUTER_CONFIGURATION,
                new ComputerConfiguration(id, 7, Map.of(), configuration, ConfigFingerprint.of(configuration),
                        configuration.heartbeatIntervalSeconds(), 2, null, false, Instant.now(),
                        sources(intervalPolicy)));
    }

    @Test
    void namesTheMemberThatDiffersAndWhereItsExpectedValueComesFrom() {
        long id = Api.activate(Api.hostName("diff"));
        String path = "/api/computers/" + id + "/configuration";
        publish(id, TEN_MINUTES, 1);
        StatusEventsTest.heartbeat(id, ConfigFingerprint.of(TEN_MINUTES), null);
        await().untilAsserted(() -> Api.read().get(path).then().statusCode(200)
                .body("verdict", equalTo("up-to-date")).body("upToDate", equalTo(true))
                .body("differences", equalTo(List.of()))
                .body("expected.sources.heartbeatIntervalSeconds.policyID", equalTo(1)));

        publish(id, TWO_MINUTES, 7);
        await().untilAsserted(() -> Api.read().get(path).then().statusCode(200)
                .body("verdict", equalTo("differs")).body("upToDate", equalTo(false))
                .body("expected.fingerprint", equalTo(ConfigFingerprint.of(TWO_MINUTES)))
                .body("expected.policyID", equalTo(7))
                .body("expected.document.heartbeatIntervalSeconds", equalTo(120))
                .body("reported.fingerprint", equalTo(ConfigFingerprint.of(TEN_MINUTES)))
                .body("reported.known", equalTo(true))
                .body("differences.size()", equalTo(1))
                .body("differences[0].member", equalTo("heartbeatIntervalSeconds"))
                .body("differences[0].expected", equalTo(120)).body("differences[0].reported", equalTo(600))
                .body("differences[0].source.setting", equalTo("platformSettingHeartbeatInterval"))
                .body("differences[0].source.level", equalTo("policy"))
                .body("differences[0].source.policyID", equalTo(7)));
        Api.read().get("/api/computers/" + id).then().body("configuration.upToDate", equalTo(false));
    }

    @Test
    void aFingerprintThePlatformNeverPublishedIsExplainedAsNotKnown() {
        long id = Api.activate(Api.hostName("unknown-fp"));
        String foreign = "sha256:" + "c".repeat(64);
        publish(id, TWO_MINUTES, 7);
        StatusEventsTest.heartbeat(id, foreign, null);
        await().untilAsserted(() -> Api.read().get("/api/computers/" + id + "/configuration").then()
                .statusCode(200).body("verdict", equalTo("reported-not-known"))
                .body("reported.fingerprint", equalTo(foreign)).body("reported.known", equalTo(false))
                .body("reported.document", nullValue()).body("differences", nullValue())
                .body("explanation", startsWith("Not known")));
    }

    @Test
    void beforeAnythingIsPublishedOrReportedItSaysSo() {
        long id = Api.activate(Api.hostName("nothing"));
        Api.read().get("/api/computers/" + id + "/configuration").then().statusCode(200)
                .body("verdict", equalTo("nothing-expected")).body("upToDate", nullValue())
                .body("expected", nullValue()).body("reported", nullValue());
        Api.read().get("/api/computers/999999999/configuration").then().statusCode(404)
                .contentType(Api.PROBLEM);
        Api.read().get("/api/computers/abc/configuration").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/computers/" + id + "/configuration").then().statusCode(401);
    }
}
