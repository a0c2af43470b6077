package io.vigil.policy.computer;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.policy.KafkaFixture;
import io.vigil.policy.QuarkusTestBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.vigil.policy.ApiFixture.computerOn;
import static io.vigil.policy.ApiFixture.createPolicy;
import static io.vigil.policy.ApiFixture.full;
import static io.vigil.policy.ApiFixture.readOnly;
import static io.vigil.policy.ApiFixture.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ComputerSettingsResourceTest extends QuarkusTestBase {

    static final String PROBLEM = "application/problem+json";
    static final String INTERVAL = "platformSettingHeartbeatInterval";
    static final String DIRECTION = "platformSettingAgentCommunicationsDirection";

    static String path(long computer, String setting) {
        return "/api/computers/" + computer + "/settings/" + setting;
    }

    @Test
    void everyEffectiveSettingWithItsSource() {
        long parent = createPolicy(uniqueName("parent"), 1);
        long policy = createPolicy(uniqueName("leaf"), parent);
        full().body("{\"value\":\"5 minutes\"}").post("/api/policies/" + parent + "/settings/" + INTERVAL)
                .then().statusCode(200);
        full().body("{\"value\":\"7\"}").post("/api/policies/" + policy
                + "/settings/platformSettingHeartbeatMissedAlertThreshold").then().statusCode(200);
        long computer = computerOn(policy, "physical");
        full().body("{\"value\":\"true\"}").post(path(computer, "platformSettingHeartbeatInactiveVmOfflineAlertEnabled"))
                .then().statusCode(200).body("value", equalTo("true")).body("source.level", equalTo("computer"));
        readOnly().get("/api/computers/" + computer + "/settings").then().statusCode(200)
                .body(INTERVAL + ".value", equalTo("5 Minutes"))
                .body(INTERVAL + ".source.level", equalTo("policy"))
                .body(INTERVAL + ".source.policyID", equalTo((int) parent))
                .body("platformSettingHeartbeatMissedAlertThreshold.value", equalTo("7"))
                .body("platformSettingHeartbeatMissedAlertThreshold.source.policyID", equalTo((int) policy))
                .body("platformSettingHeartbeatInactiveVmOfflineAlertEnabled.source.level", equalTo("computer"))
                .body("platformSettingHeartbeatInactiveVmOfflineAlertEnabled.source.policyID", nullValue())
                .body("platformSettingHeartbeatLocalTimeShiftAlertThreshold.value", equalTo("Unlimited"))
                .body("platformSettingHeartbeatLocalTimeShiftAlertThreshold.source.level", equalTo("default"))
                .body(DIRECTION + ".source.level", equalTo("default"))
                .body("firewallSettingAgentListeningPortAllowedSources.value", equalTo("Any"));
    }

    @Test
    void setReadAndResetAComputerOverride() {
        long policy = createPolicy(uniqueName("p"), 1);
        full().body("{\"value\":\"2 minutes\"}").post("/api/policies/" + policy + "/settings/" + INTERVAL)
                .then().statusCode(200);
        long computer = computerOn(policy, "virtual-machine");
        full().body("{\"value\":\"30 SECONDS\"}").post(path(computer, INTERVAL)).then().statusCode(200)
                .body("value", equalTo("30 Seconds")).body("source.level", equalTo("computer"));
        full().get(path(computer, INTERVAL)).then().statusCode(200).body("value", equalTo("30 Seconds"));
        full().delete(path(computer, INTERVAL)).then().statusCode(200).body("value", equalTo("2 Minutes"))
                .body("source.level", equalTo("policy")).body("source.policyID", equalTo((int) policy));
        full().get(path(computer, INTERVAL)).then().body("source.level", equalTo("policy"));
    }

    @Test
    void anApplianceRefusesAnotherDirectionAndReplacesAnInheritedOne() {
        long policy = createPolicy(uniqueName("managed"), 1);
        full().body("{\"value\":\"Manager Initiated\"}").post("/api/policies/" + policy + "/settings/" + DIRECTION)
                .then().statusCode(200);
        long appliance = computerOn(policy, "appliance");
        long physical = computerOn(policy, "physical");
        full().get(path(appliance, DIRECTION)).then().statusCode(200).body("value", equalTo("Bidirectional"))
                .body("source.level", equalTo("rule")).body("source.rule", equalTo("appliance-bidirectional"));
        full().get(path(physical, DIRECTION)).then().body("value", equalTo("Manager Initiated"))
                .body("source.level", equalTo("policy"));
        full().body("{\"value\":\"Agent/Appliance Initiated\"}").post(path(appliance, DIRECTION)).then()
                .statusCode(400).contentType(PROBLEM).body("invalidParams[0].name", equalTo(DIRECTION))
                .body("invalidParams[0].value", equalTo("Agent/Appliance Initiated"))
                .body("invalidParams[0].reason", containsString("appliance"));
        full().body("{\"value\":\"bidirectional\"}").post(path(appliance, DIRECTION)).then().statusCode(200)
                .body("value", equalTo("Bidirectional")).body("source.level", equalTo("computer"));
        full().body("{\"value\":\"Agent/Appliance Initiated\"}").post(path(physical, DIRECTION)).then()
                .statusCode(200).body("source.level", equalTo("computer"));
    }

    @Test
    void aComputerOnAMissingPolicyFallsBackToTheBasePolicy() {
        long computer = computerOn(987_654, "physical");
        full().get(path(computer, INTERVAL)).then().statusCode(200).body("value", equalTo("10 Minutes"))
                .body("source.level", equalTo("default"));
    }

    @Test
    void errors() {
        long computer = computerOn(1, "physical");
        full().get("/api/computers/999999999/settings").then().statusCode(404).contentType(PROBLEM);
        full().get("/api/computers/abc/settings").then().statusCode(404).contentType(PROBLEM);
        full().get(path(999_999_999, INTERVAL)).then().statusCode(404);
        full().body("{\"value\":\"1 minute\"}").post(path(999_999_999, INTERVAL)).then().statusCode(404);
        full().delete(path(999_999_999, INTERVAL)).then().statusCode(404);
        full().get(path(computer, "noSuchSetting")).then().statusCode(404).contentType(PROBLEM);
        full().body("{\"value\":\"1 minute\"}").post(path(computer, "noSuchSetting")).then().statusCode(404);
        full().body("{\"value\":\"2 days\"}").post(path(computer, INTERVAL)).then().statusCode(400)
                .contentType(PROBLEM).body("invalidParams[0].name", equalTo(INTERVAL))
                .body("invalidParams[0].value", equalTo("2 days"))
                .body("invalidParams[0].allowed", containsString("24 Hours"));
        full().body("{\"nope\":1}").post(path(computer, INTERVAL)).then().statusCode(400);
        readOnly().body("{\"value\":\"1 minute\"}").post(path(computer, INTERVAL)).then().statusCode(403);
        readOnly().delete(path(computer, INTERVAL)).then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/computers/" + computer + "/settings").then().statusCode(401);
        full().get(path(computer, INTERVAL)).then().body("source.level", equalTo("default"));
    }

    @Test
    void aDeactivatedComputerIsForgotten() {
        long computer = computerOn(1, "physical");
        KafkaFixture.deactivate(computer, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                full().get("/api/computers/" + computer + "/settings").then().statusCode(404));
    }

    @Test
    void deletingAPolicyThatStillHasComputersIs409() {
        long policy = createPolicy(uniqueName("occupied"), 1);
        full().body("{\"value\":\"3 minutes\"}").post("/api/policies/" + policy + "/settings/" + INTERVAL)
                .then().statusCode(200);
        long computer = computerOn(policy, "physical");
        full().get(path(computer, INTERVAL)).then().body("source.policyID", equalTo((int) policy));
        full().delete("/api/policies/" + policy).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("computer"));
        KafkaFixture.register(computer, "physical", 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                full().get(path(computer, INTERVAL)).then().body("source.level", equalTo("default")));
        full().delete("/api/policies/" + policy).then().statusCode(204);
    }
}
