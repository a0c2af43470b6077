package io.vigil.policy.apikey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.console.keys.ManagedKeySecret;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.apikey.ApiKeyRecord;
import io.vigil.events.audit.AuditRecord;
import io.vigil.policy.ApiFixture;
import io.vigil.policy.KafkaFixture;
import io.vigil.policy.QuarkusTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

/** Managed API keys over REST: create, use, last use, revoke, the audit and key records, and every refusal. */
@QuarkusTest
class ApiKeyResourceTest extends QuarkusTestBase {

    private static final Duration SECONDS = Duration.ofSeconds(20);

    private static JsonPath create(String name, String role, Long expiresAt) {
        String body = "{\"name\":\"" + name + "\",\"role\":\"" + role + "\""
                + (expiresAt == null ? "" : ",\"expiresAt\":" + expiresAt) + "}";
        return ApiFixture.full().body(body).post("/api/apikeys").then().statusCode(201)
                .header("Location", containsString("/api/apikeys/")).extract().jsonPath();
    }

    private static int statusWith(String key, String path) {
        return given().header("api-secret-key", key).get(path).statusCode();
    }

    @Test
    void aCreatedKeyWorksAtOnceReportsItsUseAndStopsWhenRevoked() {
        try (KafkaFixture.Watcher audit = new KafkaFixture.Watcher(Topics.AUDIT);
             KafkaFixture.Watcher records = new KafkaFixture.Watcher(Topics.API_KEYS)) {
            String name = ApiFixture.uniqueName("console");
            JsonPath created = create(name, "full-access", null);
            long id = created.getLong("ID");
            String secret = created.getString("secretKey");
            assertThat(secret).startsWith("vk." + id + ".");
            assertThat(created.getString("role")).isEqualTo("full-access");
            assertThat(created.getBoolean("active")).isTrue();
            assertThat(created.getString("createdBy")).isEqualTo("api-key:" + fingerprintOf(ApiFixture.FULL));
            assertThat((Object) created.get("lastUsed")).isNull();

            await().atMost(SECONDS).until(() -> statusWith(secret, "/api/policies") == 200);
            given().header("api-secret-key", secret).contentType("application/json")
                    .body("{\"name\":\"" + ApiFixture.uniqueName("by-managed") + "\"}").post("/api/policies")
                    .then().statusCode(201);
            await().atMost(SECONDS).untilAsserted(() -> ApiFixture.full().get("/api/apikeys/" + id).then()
                    .statusCode(200).body("lastUsed", notNullValue()).body("secretKey", nullValue()));
            ApiFixture.full().get("/api/apikeys?limit=1000").then().statusCode(200)
                    .body("apiKeys.ID", hasItem((int) id)).body("apiKeys.secretKey", not(hasItem(notNullValue())));

            ApiFixture.full().delete("/api/apikeys/" + id).then().statusCode(204);
            await().atMost(SECONDS).until(() -> statusWith(secret, "/api/policies") == 401);
            ApiFixture.full().get("/api/apikeys/" + id).then().statusCode(200).body("active", equalTo(false))
                    .body("revokedAt", notNullValue()).body("revokedBy", equalTo("api-key:" + fingerprintOf(ApiFixture.FULL)));
            ApiFixture.full().delete("/api/apikeys/" + id).then().statusCode(204); // already revoked: no change

            String auditKey = "api-key:" + id;
            await().atMost(SECONDS).untilAsserted(() -> assertThat(audit.forKey(auditKey).stream()
                    .map(r -> EventJson.readEvent(r.value(), AuditRecord.class).data().action()))
                    .containsExactly("api-key.created", "api-key.revoked"));
            AuditRecord revoked = EventJson.readEvent(audit.forKey(auditKey).get(1).value(), AuditRecord.class).data();
            assertThat(revoked.before().get("active").asBoolean()).isTrue();
            assertThat(revoked.after().get("active").asBoolean()).isFalse();
            assertThat(audit.poll().stream().map(r -> new String(r.value()))).noneMatch(v -> v.contains(secret));

            List<ConsumerRecord<String, byte[]>> published = records.forKey(Long.toString(id));
            assertThat(published).hasSize(2);
            ApiKeyRecord last = EventJson.readEvent(published.get(1).value(), ApiKeyRecord.class).data();
            assertThat(last.revoked()).isTrue();
            assertThat(last.secretHash()).isEqualTo(ManagedKeySecret.hash(secret));
            assertThat(published).noneMatch(r -> new String(r.value()).contains(secret));
        }
    }

    @Test
    void anExpiredKeyIsRefused() {
        long expiresAt = System.currentTimeMillis() + 4000;
        String secret = create(ApiFixture.uniqueName("short"), "read-only", expiresAt).getString("secretKey");
        await().atMost(SECONDS).until(() -> statusWith(secret, "/api/policies") == 200);
        await().atMost(SECONDS).until(() -> statusWith(secret, "/api/policies") == 401);
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(expiresAt);
    }

    @Test
    void aReadOnlyKeyManagesNoKeysManagedOrNot() {
        ApiFixture.readOnly().get("/api/apikeys").then().statusCode(403)
                .body("type", equalTo("https://vigil.io/problems/forbidden"));
        ApiFixture.readOnly().body("{\"name\":\"x\",\"role\":\"read-only\"}").post("/api/apikeys").then().statusCode(403);
        String managed = create(ApiFixture.uniqueName("reader"), "read-only", null).getString("secretKey");
        await().atMost(SECONDS).until(() -> statusWith(managed, "/api/policies") == 200);
        given().header("api-secret-key", managed).get("/api/apikeys").then().statusCode(403)
                .body("detail", equalTo("only a full-access API key may manage API keys"));
        given().header("api-secret-key", managed).contentType("application/json")
                .body("{\"name\":\"escalated\",\"role\":\"full-access\"}").post("/api/apikeys").then().statusCode(403);
        given().get("/api/apikeys").then().statusCode(401);
    }

    @Test
    void unknownKeysAre404() {
        ApiFixture.full().get("/api/apikeys/999999999").then().statusCode(404)
                .body("type", equalTo("https://vigil.io/problems/not-found"));
        ApiFixture.full().delete("/api/apikeys/999999999").then().statusCode(404);
        ApiFixture.full().get("/api/apikeys/abc").then().statusCode(404);
        ApiFixture.full().delete("/api/apikeys/0").then().statusCode(404);
    }

    @Test
    void badBodiesAre400WithTheMemberNamed() {
        long past = System.currentTimeMillis() - 1000;
        ApiFixture.full().body("{\"name\":\"k\",\"role\":\"read-only\",\"expiresAt\":" + past + "}")
                .post("/api/apikeys").then().statusCode(400)
                .body("type", equalTo("https://vigil.io/problems/invalid-request"))
                .body("invalidParams[0].name", equalTo("expiresAt"))
                .body("invalidParams[0].reason", equalTo("must be in the future"));
        ApiFixture.full().body("{\"name\":\"k\",\"role\":\"read-only\",\"expiresAt\":\"tomorrow\"}")
                .post("/api/apikeys").then().statusCode(400).body("invalidParams[0].name", equalTo("expiresAt"));
        ApiFixture.full().body("{\"name\":\"k\",\"role\":\"read-only\",\"expiresAt\":" + Long.MAX_VALUE + "}")
                .post("/api/apikeys").then().statusCode(400).body("invalidParams[0].name", equalTo("expiresAt"));
        ApiFixture.full().body("{\"name\":\"k\",\"role\":\"admin\"}").post("/api/apikeys").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("role"))
                .body("invalidParams[0].reason", equalTo("is not an allowed value"));
        ApiFixture.full().body("{\"name\":\"k\"}").post("/api/apikeys").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("role"));
        ApiFixture.full().body("{\"name\":\" \",\"role\":\"read-only\"}").post("/api/apikeys").then()
                .statusCode(400).body("invalidParams[0].name", equalTo("name"));
        ApiFixture.full().body("{\"name\":\"k\",\"role\":\"read-only\",\"secretKey\":\"mine\"}")
                .post("/api/apikeys").then().statusCode(400).body("invalidParams[0].name", equalTo("secretKey"));
        ApiFixture.full().body("[]").post("/api/apikeys").then().statusCode(400);
        ApiFixture.full().get("/api/apikeys?limit=0").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("limit"));
    }

    @Test
    void namesAreUniqueAmongKeysNotRevoked() {
        String name = ApiFixture.uniqueName("twice");
        long first = create(name, "read-only", null).getLong("ID");
        ApiFixture.full().body("{\"name\":\"" + name + "\",\"role\":\"read-only\"}").post("/api/apikeys").then()
                .statusCode(409).body("type", equalTo("https://vigil.io/problems/conflict"));
        ApiFixture.full().delete("/api/apikeys/" + first).then().statusCode(204);
        long second = create(name, "read-only", null).getLong("ID");
        assertThat(second).isGreaterThan(first);
        ApiFixture.full().get("/api/apikeys?limit=1&after=" + (first - 1)).then().statusCode(200)
                .body("apiKeys.ID", org.hamcrest.Matchers.contains((int) first))
                .body("next", equalTo("/api/apikeys?limit=1&after=" + first))
                .header("Link", equalTo("</api/apikeys?limit=1&after=" + first + ">; rel=\"next\""));
    }

    private static String fingerprintOf(String key) {
        return ManagedKeySecret.hash(key).substring(0, 16);
    }
}
