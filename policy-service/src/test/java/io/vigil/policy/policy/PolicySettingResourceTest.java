package io.vigil.policy.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.policy.QuarkusTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.vigil.policy.ApiFixture.createPolicy;
import static io.vigil.policy.ApiFixture.full;
import static io.vigil.policy.ApiFixture.readOnly;
import static io.vigil.policy.ApiFixture.uniqueName;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PolicySettingResourceTest extends QuarkusTestBase {

    static final String PROBLEM = "application/problem+json";

    static String path(long policy, String setting) {
        return "/api/policies/" + policy + "/settings/" + setting;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "platformSettingHeartbeatInterval|90 seconds|90 Seconds|10 Minutes",
            "platformSettingHeartbeatInterval|1 HOUR|1 Hour|10 Minutes",
            "platformSettingHeartbeatMissedAlertThreshold|unlimited|Unlimited|2",
            "platformSettingHeartbeatMissedAlertThreshold|0|0|2",
            "platformSettingHeartbeatLocalTimeShiftAlertThreshold|600 seconds|10 Minutes|Unlimited",
            "platformSettingHeartbeatInactiveVmOfflineAlertEnabled|TRUE|true|false",
            "platformSettingAgentCommunicationsDirection|manager initiated|Manager Initiated|Bidirectional",
            "platformSettingAgentCommunicationsDirection|Agent/Appliance Initiated|Agent/Appliance Initiated|Bidirectional",
            "firewallSettingAgentListeningPortAllowedSources|10.0.0.2, 2001:DB8::1, AA-BB-CC-DD-EE-FF, 10.0.0.2|10.0.0.2,2001:db8::1,aa:bb:cc:dd:ee:ff|Any"})
    void setReadAndResetEverySetting(String setting, String value, String normalised, String inherited) {
        long policy = createPolicy(uniqueName("s"), 1);
        full().body("{\"value\":\"" + value + "\"}").post(path(policy, setting)).then().statusCode(200)
                .body("value", equalTo(normalised));
        full().get(path(policy, setting)).then().statusCode(200).body("value", equalTo(normalised));
        full().get("/api/policies/" + policy + "?overrides=true").then()
                .body("policySettings." + setting + ".value", equalTo(normalised));
        full().delete(path(policy, setting)).then().statusCode(200).body("value", equalTo(inherited));
        full().get(path(policy, setting)).then().statusCode(200).body("value", equalTo(inherited));
        full().get("/api/policies/" + policy + "?overrides=true").then().body("policySettings", anEmptyMap());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "platformSettingHeartbeatInterval|0 seconds|24 Hours",
            "platformSettingHeartbeatInterval|25 hours|24 Hours",
            "platformSettingHeartbeatInterval|ten minutes|24 Hours",
            "platformSettingHeartbeatMissedAlertThreshold|101|Unlimited",
            "platformSettingHeartbeatMissedAlertThreshold|-1|Unlimited",
            "platformSettingHeartbeatLocalTimeShiftAlertThreshold|9 seconds|10 Seconds",
            "platformSettingHeartbeatInactiveVmOfflineAlertEnabled|yes|false",
            "platformSettingAgentCommunicationsDirection|Sideways|Manager Initiated",
            "firewallSettingAgentListeningPortAllowedSources|10.0.0.300|MAC",
            "firewallSettingAgentListeningPortAllowedSources|Any, 10.0.0.1|MAC"})
    void invalidValuesAre400NamingTheSettingTheValueAndWhatIsAllowed(String setting, String value, String allowed) {
        long policy = createPolicy(uniqueName("bad"), 1);
        full().body("{\"value\":\"" + value + "\"}").post(path(policy, setting)).then().statusCode(400)
                .contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo(setting))
                .body("invalidParams[0].value", equalTo(value))
                .body("invalidParams[0].allowed", containsString(allowed))
                .body("detail", containsString(setting));
        full().get("/api/policies/" + policy + "?overrides=true").then().body("policySettings", anEmptyMap());
    }

    @Test
    void badBodiesAndUnknownNamesAreRefused() {
        long policy = createPolicy(uniqueName("body"), 1);
        String interval = path(policy, "platformSettingHeartbeatInterval");
        full().body("{}").post(interval).then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("value"));
        full().body("{\"value\":5}").post(interval).then().statusCode(400).body("invalidParams[0].name", equalTo("value"));
        full().body("{\"value\":null}").post(interval).then().statusCode(400);
        full().body("\"5 minutes\"").post(interval).then().statusCode(400);
        full().body("{\"value\":\"1 minute\"}").post(path(policy, "noSuchSetting")).then().statusCode(404)
                .contentType(PROBLEM).body("detail", containsString("noSuchSetting"));
        full().get(path(policy, "noSuchSetting")).then().statusCode(404);
        full().delete(path(policy, "noSuchSetting")).then().statusCode(404);
        full().get(path(999999, "platformSettingHeartbeatInterval")).then().statusCode(404);
        full().body("{\"value\":\"1 minute\"}").post(path(999999, "platformSettingHeartbeatInterval")).then()
                .statusCode(404);
        full().delete(path(999999, "platformSettingHeartbeatInterval")).then().statusCode(404);
        readOnly().body("{\"value\":\"1 minute\"}").post(interval).then().statusCode(403);
        readOnly().delete(interval).then().statusCode(403);
        readOnly().get(interval).then().statusCode(200).body("value", equalTo("10 Minutes"));
    }

    @Test
    void childrenInheritUntilTheySetTheirOwnValueAndResetRestoresInheritance() {
        long parent = createPolicy(uniqueName("parent"), 1);
        long child = createPolicy(uniqueName("child"), parent);
        long grandchild = createPolicy(uniqueName("grandchild"), child);
        String setting = "platformSettingHeartbeatInterval";
        full().body("{\"value\":\"5 minutes\"}").post(path(parent, setting)).then().statusCode(200);
        full().get(path(grandchild, setting)).then().body("value", equalTo("5 Minutes"));
        full().body("{\"value\":\"1 minute\"}").post(path(child, setting)).then().statusCode(200);
        full().get(path(grandchild, setting)).then().body("value", equalTo("1 Minute"));
        full().get("/api/policies/" + grandchild + "?overrides=true").then().body("policySettings", anEmptyMap());
        full().delete(path(child, setting)).then().statusCode(200).body("value", equalTo("5 Minutes"));
        full().get(path(grandchild, setting)).then().body("value", equalTo("5 Minutes"));
    }

    @Test
    void theBasePolicyCanBeSetAndResetToTheContractDefault() {
        String setting = "platformSettingHeartbeatLocalTimeShiftAlertThreshold";
        try {
            full().body("{\"value\":\"2 hours\"}").post(path(1, setting)).then().statusCode(200)
                    .body("value", equalTo("2 Hours"));
            full().get("/api/policies/1?overrides=true").then()
                    .body("policySettings." + setting + ".value", equalTo("2 Hours"));
            long child = createPolicy(uniqueName("below-base"), 1);
            full().get(path(child, setting)).then().body("value", equalTo("2 Hours"));
        } finally {
            full().delete(path(1, setting)).then().statusCode(200).body("value", equalTo("Unlimited"));
        }
        full().get("/api/policies/1?overrides=true").then().body("policySettings." + setting, nullValue());
    }

    @Test
    void modifyCanSetAndResetSeveralSettingsAtOnce() {
        long policy = createPolicy(uniqueName("multi"), 1);
        full().body("{\"policySettings\":{\"platformSettingHeartbeatInterval\":{\"value\":\"3 minutes\"},"
                        + "\"platformSettingHeartbeatMissedAlertThreshold\":{\"value\":\"7\"}}}")
                .post("/api/policies/" + policy).then().statusCode(200)
                .body("policySettings.platformSettingHeartbeatInterval.value", equalTo("3 Minutes"))
                .body("policySettings.platformSettingHeartbeatMissedAlertThreshold.value", equalTo("7"));
        full().body("{\"policySettings\":{\"platformSettingHeartbeatInterval\":{\"value\":null}}}")
                .post("/api/policies/" + policy).then().statusCode(200)
                .body("policySettings.platformSettingHeartbeatInterval.value", equalTo("10 Minutes"));
        full().get("/api/policies/" + policy + "?overrides=true").then()
                .body("policySettings.platformSettingHeartbeatMissedAlertThreshold.value", equalTo("7"))
                .body("policySettings.platformSettingHeartbeatInterval", nullValue());
    }
}
