package io.vigil.policy.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vigil.policy.ApiFixture;
import io.vigil.policy.PolicyTestResource;
import io.vigil.policy.QuarkusTestBase;
import io.vigil.testkit.InternalPort;
import io.vigil.tls.service.ServiceIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static io.vigil.policy.ApiFixture.createPolicy;
import static io.vigil.policy.ApiFixture.full;
import static io.vigil.policy.ApiFixture.readOnly;
import static io.vigil.policy.ApiFixture.uniqueName;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PolicyResourceTest extends QuarkusTestBase {

    static final String PROBLEM = "application/problem+json";

    @Test
    void theBasePolicyHasIdOneNoParentAndTheContractDefaults() {
        full().get("/api/policies/1").then().statusCode(200)
                .body("ID", equalTo(1)).body("name", equalTo("Base Policy")).body("parentID", nullValue())
                .body("policySettings.platformSettingHeartbeatInterval.value", equalTo("10 Minutes"))
                .body("policySettings.platformSettingHeartbeatMissedAlertThreshold.value", equalTo("2"))
                .body("policySettings.platformSettingHeartbeatLocalTimeShiftAlertThreshold.value", equalTo("Unlimited"))
                .body("policySettings.platformSettingHeartbeatInactiveVmOfflineAlertEnabled.value", equalTo("false"))
                .body("policySettings.platformSettingAgentCommunicationsDirection.value", equalTo("Bidirectional"))
                .body("policySettings.firewallSettingAgentListeningPortAllowedSources.value", equalTo("Any"));
        full().get("/api/policies/1?overrides=true").then().statusCode(200).body("policySettings", anEmptyMap());
    }

    @Test
    void createAnswers201WithLocationDefaultsToTheBasePolicyAndNormalisesSettings() {
        String name = uniqueName("web");
        full().body("{\"name\":\"" + name + "\",\"description\":\"web servers\",\"policySettings\":"
                        + "{\"platformSettingHeartbeatInterval\":{\"value\":\"120 seconds\"}}}")
                .post("/api/policies").then().statusCode(201)
                .header("Location", containsString("/api/policies/"))
                .body("name", equalTo(name)).body("description", equalTo("web servers"))
                .body("parentID", equalTo(1)).body("ID", greaterThan(1))
                .body("policySettings.platformSettingHeartbeatInterval.value", equalTo("2 Minutes"))
                .body("policySettings.platformSettingHeartbeatMissedAlertThreshold.value", equalTo("2"));
    }

    @Test
    void createUnderAnotherPolicyAndListWithPaging() {
        long parent = createPolicy(uniqueName("parent"), 1);
        long child = createPolicy(uniqueName("child"), parent);
        full().get("/api/policies/" + child).then().statusCode(200).body("parentID", equalTo((int) parent));
        full().get("/api/policies?limit=1000").then().statusCode(200)
                .body("policies.ID", hasItem((int) child)).body("policies.ID", hasItem(1));
        full().get("/api/policies?after=" + parent + "&limit=1").then().statusCode(200)
                .body("policies", hasSize(1)).body("policies[0].ID", equalTo((int) child));
        full().get("/api/policies?limit=1").then().statusCode(200).body("policies.ID", equalTo(List.of(1)))
                .body("next", equalTo("/api/policies?limit=1&after=1"))
                .header("Link", equalTo("</api/policies?limit=1&after=1>; rel=\"next\""));
        full().get("/api/policies?overrides=true&limit=1&after=" + parent).then().statusCode(200)
                .body("policies.ID", equalTo(List.of((int) child)))
                .body("next", nullValue()); // the child is the newest policy: this page ends the list
        full().get("/api/policies?after=" + child + "&overrides=true&limit=1000").then().statusCode(200)
                .body("policies.ID", everyItem(greaterThan((int) child)))
                .body("next", nullValue()).header("Link", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=x", "after=-1", "after=x", "overrides=maybe"})
    void badListParametersAre400NamingTheParameter(String query) {
        full().get("/api/policies?" + query).then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo(query.substring(0, query.indexOf('='))));
    }

    @Test
    void unknownPoliciesAre404() {
        full().get("/api/policies/999999").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("999999"));
        full().get("/api/policies/abc").then().statusCode(404).contentType(PROBLEM);
        full().get("/api/policies/0").then().statusCode(404).contentType(PROBLEM);
        full().body("{\"name\":\"x\"}").post("/api/policies/999999").then().statusCode(404).contentType(PROBLEM);
        full().delete("/api/policies/999999").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void createRefusesInvalidRequestsNamingTheMember() {
        full().body("{\"description\":\"no name\"}").post("/api/policies").then().statusCode(400)
                .contentType(PROBLEM).body("invalidParams[0].name", equalTo("name"));
        full().body("{\"name\":\"   \"}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("name"));
        full().body("{\"name\":42}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("name"));
        full().body("{\"name\":\"" + "n".repeat(255) + "\"}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("name"));
        full().body("{\"name\":\"x\",\"description\":[]}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("description"));
        full().body("{\"name\":\"" + uniqueName("p") + "\",\"parentID\":999999}").post("/api/policies").then()
                .statusCode(400).body("invalidParams[0].name", equalTo("parentID"))
                .body("detail", containsString("999999"));
        full().body("{\"name\":\"x\",\"parentID\":\"one\"}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("parentID"));
        full().body("{\"name\":\"x\",\"parentID\":1.5}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("parentID"));
        full().body("{\"name\":\"" + uniqueName("p") + "\",\"parentID\":null}").post("/api/policies").then()
                .statusCode(400).body("invalidParams[0].name", equalTo("parentID"));
        full().body("{\"name\":\"x\",\"policySettings\":[]}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("policySettings"));
        full().body("{\"name\":\"x\",\"policySettings\":{\"platformSettingHeartbeatInterval\":\"1 Minute\"}}")
                .post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("policySettings.platformSettingHeartbeatInterval"));
        full().body("[1,2]").post("/api/policies").then().statusCode(400).contentType(PROBLEM);
        full().body("{not json").post("/api/policies").then().statusCode(400).contentType(PROBLEM);
        full().post("/api/policies").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void createRefusesInvalidSettingsNamingSettingValueAndAllowedValues() {
        full().body("{\"name\":\"" + uniqueName("p") + "\",\"policySettings\":{"
                        + "\"platformSettingHeartbeatInterval\":{\"value\":\"25 hours\"},"
                        + "\"platformSettingHeartbeatMissedAlertThreshold\":{\"value\":\"101\"},"
                        + "\"noSuchSetting\":{\"value\":\"1\"}}}")
                .post("/api/policies").then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams", hasSize(3))
                .body("invalidParams.find { it.name == 'platformSettingHeartbeatInterval' }.value", equalTo("25 hours"))
                .body("invalidParams.find { it.name == 'platformSettingHeartbeatInterval' }.allowed",
                        containsString("24 Hours"))
                .body("invalidParams.find { it.name == 'platformSettingHeartbeatMissedAlertThreshold' }.allowed",
                        containsString("Unlimited"))
                .body("invalidParams.find { it.name == 'noSuchSetting' }.reason", equalTo("unknown setting"))
                .body("detail", containsString("25 hours"));
    }

    @Test
    void duplicateNamesAre409() {
        String name = uniqueName("dup");
        createPolicy(name, 1);
        full().body("{\"name\":\"" + name + "\"}").post("/api/policies").then().statusCode(409).contentType(PROBLEM);
        long other = createPolicy(uniqueName("other"), 1);
        full().body("{\"name\":\"" + name + "\"}").post("/api/policies/" + other).then().statusCode(409);
        full().body("{\"name\":\"Base Policy\"}").post("/api/policies/" + other).then().statusCode(409);
    }

    @Test
    void modifyRenamesDescribesAndMoves() {
        long a = createPolicy(uniqueName("a"), 1);
        long b = createPolicy(uniqueName("b"), 1);
        String renamed = uniqueName("renamed");
        full().body("{\"name\":\"" + renamed + "\",\"description\":\"now described\",\"parentID\":" + a + "}")
                .post("/api/policies/" + b).then().statusCode(200)
                .body("name", equalTo(renamed)).body("description", equalTo("now described"))
                .body("parentID", equalTo((int) a));
        full().get("/api/policies/" + b).then().body("parentID", equalTo((int) a)).body("name", equalTo(renamed));
        full().body("{\"description\":\"only this\"}").post("/api/policies/" + b).then().statusCode(200)
                .body("name", equalTo(renamed)).body("parentID", equalTo((int) a))
                .body("description", equalTo("only this"));
        full().body("{\"parentID\":1}").post("/api/policies/" + b).then().statusCode(200).body("parentID", equalTo(1));
    }

    @Test
    void movingUnderItselfOrADescendantIs400() {
        long a = createPolicy(uniqueName("a"), 1);
        long b = createPolicy(uniqueName("b"), a);
        long c = createPolicy(uniqueName("c"), b);
        full().body("{\"parentID\":" + c + "}").post("/api/policies/" + a).then().statusCode(400)
                .contentType(PROBLEM).body("invalidParams[0].name", equalTo("parentID"))
                .body("detail", containsString("cycle"));
        full().body("{\"parentID\":" + a + "}").post("/api/policies/" + a).then().statusCode(400);
        full().body("{\"parentID\":null}").post("/api/policies/" + a).then().statusCode(400);
        full().body("{\"parentID\":999999}").post("/api/policies/" + a).then().statusCode(400);
        full().get("/api/policies/" + a).then().body("parentID", equalTo(1));
    }

    @Test
    void theBasePolicyCannotGetAParentNorBeDeleted() {
        long a = createPolicy(uniqueName("a"), 1);
        full().body("{\"parentID\":" + a + "}").post("/api/policies/1").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("Base Policy"));
        full().body("{\"parentID\":null,\"description\":\"The root of the policy tree\"}").post("/api/policies/1")
                .then().statusCode(200).body("parentID", nullValue());
        full().delete("/api/policies/1").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("Base Policy cannot be deleted"));
        full().get("/api/policies/1").then().statusCode(200);
    }

    @Test
    void deleteAnswers204ThenThePolicyIsGone() {
        long a = createPolicy(uniqueName("gone"), 1);
        full().delete("/api/policies/" + a).then().statusCode(204);
        full().get("/api/policies/" + a).then().statusCode(404);
        full().delete("/api/policies/" + a).then().statusCode(404);
    }

    @Test
    void deletingAPolicyWithChildrenIs409() {
        long a = createPolicy(uniqueName("a"), 1);
        long b = createPolicy(uniqueName("b"), a);
        full().delete("/api/policies/" + a).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("child"));
        full().delete("/api/policies/" + b).then().statusCode(204);
        full().delete("/api/policies/" + a).then().statusCode(204);
    }

    @Test
    void everyApiCallNeedsAKeyAndReadOnlyKeysCannotWrite() {
        given().get("/api/policies").then().statusCode(401).contentType(PROBLEM);
        given().header("api-secret-key", "wrong").get("/api/policies/1").then().statusCode(401).contentType(PROBLEM);
        readOnly().get("/api/policies").then().statusCode(200);
        readOnly().get("/api/policies/1").then().statusCode(200);
        readOnly().body("{\"name\":\"" + uniqueName("ro") + "\"}").post("/api/policies").then().statusCode(403)
                .contentType(PROBLEM);
        long a = createPolicy(uniqueName("ro-target"), 1);
        readOnly().body("{\"name\":\"x\"}").post("/api/policies/" + a).then().statusCode(403);
        readOnly().delete("/api/policies/" + a).then().statusCode(403);
        full().get("/api/policies/" + a).then().statusCode(200).body("name", not(equalTo("x")));
    }

    @Test
    void theInternalLookupIsForAgentRegistryOnly() {
        RequestSpecification registry = PolicyTestResource.INTERNAL.as(ServiceIdentity.AGENT_REGISTRY);
        registry.get("/internal/policies/1").then().statusCode(200)
                .body("ID", equalTo(1)).body("name", equalTo("Base Policy")).body("parentID", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("policySettings")));
        long a = createPolicy(uniqueName("internal"), 1);
        PolicyTestResource.INTERNAL.as(ServiceIdentity.AGENT_REGISTRY).get("/internal/policies/" + a).then()
                .statusCode(200).body("parentID", equalTo(1));
        PolicyTestResource.INTERNAL.as(ServiceIdentity.AGENT_REGISTRY).get("/internal/policies/999999").then()
                .statusCode(404).contentType(PROBLEM);
        PolicyTestResource.INTERNAL.as(ServiceIdentity.AGENT_REGISTRY).get("/internal/policies/x").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void forgedInternalCallsAreRefused() {
        given().get("/internal/policies/1").then().statusCode(404).contentType(PROBLEM);
        PolicyTestResource.INTERNAL.anonymous().get("/internal/policies/1").then().statusCode(401)
                .contentType(PROBLEM);
        for (String caller : List.of(PolicyTestResource.GATEWAY, InternalPort.AGENT, InternalPort.MANAGER)) {
            PolicyTestResource.INTERNAL.as(caller).get("/internal/policies/1").then().statusCode(403)
                    .contentType(PROBLEM);
        }
        PolicyTestResource.INTERNAL.as(ServiceIdentity.AGENT_REGISTRY).header("api-secret-key", "test-full-key")
                .get("/api/policies/1").then().statusCode(404);
    }

    @Test
    void openApiAndHealthAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/policies"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("vigil_policy_configurations_published"));
        full().get("/api/policies/1").then().header("Content-Type", containsString("application/json"));
    }
}
