package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.audit.AuditRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A managed API key across the real processes: created on policy-service (the keys' owner), it works on
 * agent-registry and alert-service, which learn it from {@code vigil.internal.api-keys}; its last use comes back to
 * the owner; once revoked every console service refuses it within seconds; both changes are on {@code vigil.audit}.
 */
class ManagedApiKeysSystemTest {

    private static final Duration SECONDS = Duration.ofSeconds(15);

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);

    private int status(String key, int port, String path) {
        return console.as(key, port).get(path).statusCode();
    }

    @Test
    void aKeyCreatedOnOneServiceWorksOnAllUntilRevokedEverywhere() {
        JsonPath created = console.policies().body(Map.of("name", "system-" + System.nanoTime(),
                        "role", "full-access", "description", "system test"))
                .post("/api/apikeys").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("ID");
        String secret = created.getString("secretKey");
        assertThat(created.getBoolean("active")).isTrue();

        long start = System.nanoTime();
        await("the key works on agent-registry and alert-service").atMost(SECONDS).until(() ->
                status(secret, platform.registryPort, "/api/computers") == 200
                        && status(secret, platform.alertPort, "/api/alerts") == 200);
        long acceptedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(status(secret, platform.policyPort, "/api/policies/1")).isEqualTo(200);
        // a full-access managed key may write too: the write reaches the resource (404 for a token that does not
        // exist, not 401 or 403), on a call that needs no other service
        console.as(secret, platform.registryPort).delete("/api/activationtokens/999999999").then().statusCode(404);

        await("its last use reaches the owner").atMost(SECONDS).untilAsserted(() -> {
            JsonPath key = console.policies().get("/api/apikeys/" + id).then().statusCode(200).extract().jsonPath();
            Number lastUsed = key.get("lastUsed"); // null until the first usage report reaches the owner
            assertThat(lastUsed).isNotNull();
            assertThat(lastUsed.longValue()).isGreaterThanOrEqualTo(created.getLong("created"));
            assertThat((Object) key.get("secretKey")).isNull();
        });

        console.policies().delete("/api/apikeys/" + id).then().statusCode(204);
        long revoked = System.nanoTime();
        await("refused everywhere").atMost(SECONDS).until(() ->
                status(secret, platform.policyPort, "/api/policies/1") == 401
                        && status(secret, platform.registryPort, "/api/computers") == 401
                        && status(secret, platform.alertPort, "/api/alerts") == 401);
        long refusedMillis = (System.nanoTime() - revoked) / 1_000_000;
        console.policies().get("/api/apikeys/" + id).then().statusCode(200).body("active",
                org.hamcrest.Matchers.equalTo(false));
        System.out.printf("managed key %d: accepted by all services after %d ms, refused by all %d ms after "
                + "revocation%n", id, acceptedMillis, refusedMillis);

        await("the audit trail").atMost(SECONDS).untilAsserted(() -> {
            List<AuditRecord> audit = TopicRecords.all(platform.infrastructure.bootstrapServers(), Topics.AUDIT)
                    .stream().filter(r -> ("api-key:" + id).equals(r.key()))
                    .map(r -> EventJson.readEvent(r.value(), AuditRecord.class).data()).toList();
            assertThat(audit).extracting(AuditRecord::action).containsExactly("api-key.created", "api-key.revoked");
            assertThat(audit).allSatisfy(a -> {
                assertThat(a.actor()).startsWith("api-key:").doesNotContain(secret);
                assertThat(a.service()).isEqualTo("policy-service");
                assertThat(a.resourceID()).isEqualTo(Long.toString(id));
            });
        });
    }
}
