package io.vigil.policy.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.policy.QuarkusTestBase;
import org.junit.jupiter.api.Test;

import static io.vigil.policy.ApiFixture.full;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The typed request bodies and parameters refuse bad input naming the member, its value and what it must be. */
@QuarkusTest
class TypedBodiesTest extends QuarkusTestBase {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMemberOfTheWrongTypeIsNamedWithWhatItMustBe() {
        full().body("{\"name\":42}").post("/api/policies").then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("name"))
                .body("invalidParams[0].reason", equalTo("must be a string"))
                .body("invalidParams[0].value", equalTo("42"));
        full().body("{\"name\":\"x\",\"parentID\":1.5}").post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("parentID"))
                .body("invalidParams[0].reason", equalTo("must be a whole number"));
        full().body("{\"name\":\"x\",\"policySettings\":{\"platformSettingHeartbeatInterval\":{}}}")
                .post("/api/policies").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("policySettings.platformSettingHeartbeatInterval.value"))
                .body("invalidParams[0].reason", equalTo("is required"));
    }

    @Test
    void constraintsNameTheMemberTheValueAndTheAllowedRange() {
        full().body("{\"name\":\"  \"}").post("/api/policies").then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("name"))
                .body("invalidParams[0].reason", equalTo("must not be blank"));
        full().get("/api/policies?limit=0").then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("limit"))
                .body("invalidParams[0].value", equalTo("0"))
                .body("invalidParams[0].allowed", equalTo("1 to 1000"));
        full().get("/api/policies?limit=ten").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("limit"))
                .body("invalidParams[0].reason", equalTo("must be a whole number"));
    }

    @Test
    void aBodyThatIsNoObjectOrMissingIsRefused() {
        full().body("[1,2]").post("/api/policies").then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("the body must be a JSON object")).body("invalidParams", nullValue());
        full().post("/api/policies").then().statusCode(400).contentType(PROBLEM)
                .body("invalidParams[0].name", equalTo("body"));
        full().body("{\"value\":true}").post("/api/policies/1/settings/platformSettingHeartbeatInterval").then()
                .statusCode(400).body("invalidParams[0].name", equalTo("value"))
                .body("invalidParams[0].reason", equalTo("must be a string"));
    }

    @Test
    void pathIdsThatAreNoIdsNameNoResource() {
        full().get("/api/policies/-3").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("policy -3 does not exist"));
        full().get("/api/policies/1/settings/nope").then().statusCode(404)
                .body("detail", equalTo("setting nope does not exist"));
    }
}
