package io.vigil.policy.policy;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.policy.QuarkusTestBase;
import org.junit.jupiter.api.Test;

import static io.vigil.policy.ApiFixture.computerOn;
import static io.vigil.policy.ApiFixture.createPolicy;
import static io.vigil.policy.ApiFixture.full;
import static io.vigil.policy.ApiFixture.readOnly;
import static io.vigil.policy.ApiFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** ETag and If-Match on policy and setting writes: two consoles cannot overwrite each other blindly. */
@QuarkusTest
class ConditionalWritesTest extends QuarkusTestBase {

    static final String PROBLEM = "application/problem+json";
    static final String TAG = "\"[0-9a-f]{32}\"";

    private static String etag(String path) {
        return readOnly().get(path).then().statusCode(200).header("ETag", matchesPattern(TAG)).extract()
                .header("ETag");
    }

    @Test
    void aWriteWithTheCurrentTagWinsAndTheOtherConsoleGets412() {
        long id = createPolicy(uniqueName("etag"), 1);
        String path = "/api/policies/" + id;
        String read = etag(path);
        String afterFirst = full().header("If-Match", read).body("{\"description\":\"first console\"}").post(path)
                .then().statusCode(200).header("ETag", matchesPattern(TAG)).extract().header("ETag");
        assertThat(afterFirst).isNotEqualTo(read).isEqualTo(etag(path));
        full().header("If-Match", read).body("{\"description\":\"second console\"}").post(path).then()
                .statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("https://vigil.io/problems/precondition-failed"))
                .body("detail", containsString(afterFirst));
        full().get(path).then().body("description", equalTo("first console"));
        assertThat(etag(path)).isEqualTo(afterFirst);
    }

    @Test
    void settingWritesAndDeletionAreConditionalToo() {
        long id = createPolicy(uniqueName("etag-set"), 1);
        String path = "/api/policies/" + id;
        String stale = etag(path);
        full().body("{\"value\":\"5 Minutes\"}").post(path + "/settings/platformSettingHeartbeatInterval").then()
                .statusCode(200).body("value", equalTo("5 Minutes"));
        String current = etag(path + "/settings/platformSettingHeartbeatInterval");
        assertThat(current).isNotEqualTo(stale).isEqualTo(etag(path));
        full().header("If-Match", stale).body("{\"value\":\"2 Minutes\"}")
                .post(path + "/settings/platformSettingHeartbeatInterval").then().statusCode(412).contentType(PROBLEM);
        full().header("If-Match", stale).delete(path + "/settings/platformSettingHeartbeatInterval").then()
                .statusCode(412);
        full().get(path).then().body("policySettings.platformSettingHeartbeatInterval.value", equalTo("5 Minutes"));
        String reset = full().header("If-Match", current).delete(path + "/settings/platformSettingHeartbeatInterval")
                .then().statusCode(200).extract().header("ETag");
        full().header("If-Match", current).delete(path).then().statusCode(412).contentType(PROBLEM);
        full().header("If-Match", reset).delete(path).then().statusCode(204);
    }

    @Test
    void noHeaderIsUnconditionalAndTheWildcardMatchesAnyVersion() {
        long id = createPolicy(uniqueName("etag-any"), 1);
        String path = "/api/policies/" + id;
        full().body("{\"description\":\"blind\"}").post(path).then().statusCode(200);
        full().header("If-Match", "*").body("{\"description\":\"any\"}").post(path).then().statusCode(200)
                .body("description", equalTo("any"));
        full().header("If-Match", "\"0\", " + etag(path)).body("{\"description\":\"listed\"}").post(path).then()
                .statusCode(200);
        full().header("If-Match", "W/" + etag(path)).body("{\"description\":\"weak\"}").post(path).then()
                .statusCode(412);
    }

    @Test
    void aMalformedIfMatchIs400NamingTheHeader() {
        long id = createPolicy(uniqueName("etag-bad"), 1);
        full().header("If-Match", "not-a-tag").body("{\"description\":\"x\"}").post("/api/policies/" + id).then()
                .statusCode(400).contentType(PROBLEM).body("invalidParams[0].name", equalTo("If-Match"));
        full().header("If-Match", "\"0\"").body("{\"description\":\"x\"}").post("/api/policies/999999").then()
                .statusCode(404);
    }

    @Test
    void anInheritedChangeDoesNotChangeTheChildsVersion() {
        long parent = createPolicy(uniqueName("etag-parent"), 1);
        long child = createPolicy(uniqueName("etag-child"), parent);
        String before = etag("/api/policies/" + child);
        full().body("{\"value\":\"3 Minutes\"}").post("/api/policies/" + parent
                + "/settings/platformSettingHeartbeatInterval").then().statusCode(200);
        assertThat(etag("/api/policies/" + child)).isEqualTo(before);
    }

    @Test
    void computerSettingWritesAreConditional() {
        long computer = computerOn(1, "physical");
        String path = "/api/computers/" + computer + "/settings";
        String read = etag(path);
        assertThat(etag(path + "/platformSettingHeartbeatInterval")).isEqualTo(read);
        String after = full().header("If-Match", read).body("{\"value\":\"4 Minutes\"}")
                .post(path + "/platformSettingHeartbeatInterval").then().statusCode(200)
                .body("source.level", equalTo("computer")).extract().header("ETag");
        assertThat(after).matches(TAG).isNotEqualTo(read);
        full().header("If-Match", read).body("{\"value\":\"8 Minutes\"}")
                .post(path + "/platformSettingHeartbeatInterval").then().statusCode(412).contentType(PROBLEM);
        full().header("If-Match", read).delete(path + "/platformSettingHeartbeatInterval").then().statusCode(412);
        full().get(path).then().body("platformSettingHeartbeatInterval.value", equalTo("4 Minutes"));
        full().header("If-Match", after).delete(path + "/platformSettingHeartbeatInterval").then().statusCode(200)
                .body("source.level", not(equalTo("computer")));
    }
}
