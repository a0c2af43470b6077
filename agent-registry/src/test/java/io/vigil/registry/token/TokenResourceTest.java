package io.vigil.registry.token;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.Topics;
import io.vigil.registry.Api;
import io.vigil.registry.KafkaProbe;
import io.vigil.registry.RegistryTestResource;
import io.vigil.testkit.EventSchemas;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class TokenResourceTest {

    @ConfigProperty(name = "vigil.registry.ca-certificate")
    String caFile;

    @Test
    void createsTokenWithCaPinAndEnoughRandomness() throws Exception {
        String expectedCa;
        try (InputStream in = Files.newInputStream(Path.of(caFile))) {
            expectedCa = CaFingerprint.of(CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded());
        }
        var response = Api.full().body(Map.of("policyID", 7, "expiresInSeconds", 3600, "maxUses", 2,
                        "onDuplicateHostName", "reject"))
                .post("/api/activationtokens").then().statusCode(201)
                .body("managerCaSha256", equalTo(expectedCa)).extract();
        String token = response.path("token");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
        long id = ((Number) response.path("ID")).longValue();
        Api.read().get("/api/activationtokens?after=" + (id - 1) + "&limit=1").then().statusCode(200)
                .body("activationTokens[0].ID", equalTo((int) id))
                .body("activationTokens[0].policyID", equalTo(7))
                .body("activationTokens[0].maxUses", equalTo(2))
                .body("activationTokens[0].uses", equalTo(0))
                .body("activationTokens[0].onDuplicateHostName", equalTo("reject"))
                .body("activationTokens[0].token", nullValue());
    }

    @Test
    void defaultsAreBasePolicyReactivateUnlimited() {
        Number id = Api.full().body("{}").post("/api/activationtokens").then().statusCode(201).extract().path("ID");
        Api.read().get("/api/activationtokens?after=" + (id.longValue() - 1) + "&limit=1").then()
                .body("activationTokens[0].policyID", equalTo(1))
                .body("activationTokens[0].maxUses", nullValue())
                .body("activationTokens[0].onDuplicateHostName", equalTo("reactivate"));
    }

    @Test
    void storesOnlyAHashOfTheSecret() {
        String token = Api.token(Map.of());
        // the secret is not listed, and a second creation gives a different one
        assertThat(Api.read().get("/api/activationtokens?limit=1000").asString()).doesNotContain(token);
        assertThat(Api.token(Map.of())).isNotEqualTo(token);
    }

    @Test
    void deleteRemovesTokenAndAudits() {
        try (KafkaProbe audit = new KafkaProbe(Topics.AUDIT)) {
            Number id = Api.full().body("{}").post("/api/activationtokens").then().statusCode(201)
                    .extract().path("ID");
            Api.full().delete("/api/activationtokens/" + id).then().statusCode(204);
            Api.read().get("/api/activationtokens?limit=1000").then()
                    .body("activationTokens.ID", not(hasItem(id.intValue())));
            Api.full().delete("/api/activationtokens/" + id).then().statusCode(404).contentType(Api.PROBLEM);
            String key = "activation-token:" + id;
            await().untilAsserted(() -> assertThat(audit.records(key)).extracting(r -> new String(r.value()))
                    .anySatisfy(v -> assertThat(v).contains("activation-token.created"))
                    .anySatisfy(v -> assertThat(v).contains("activation-token.deleted"))
                    .allSatisfy(v -> assertThat(EventSchemas.problems(v)).isEmpty()));
        }
    }

    @Test
    void rejectsBadInputPrecisely() {
        record Case(String body, String field) {
        }
        for (Case c : List.of(new Case("{\"policyID\":\"x\"}", "policyID"), new Case("{\"policyID\":0}", "policyID"),
                new Case("{\"expiresInSeconds\":5}", "expiresInSeconds"),
                new Case("{\"expiresInSeconds\":999999999999}", "expiresInSeconds"),
                new Case("{\"maxUses\":0}", "maxUses"), new Case("{\"maxUses\":1.5}", "maxUses"),
                new Case("{\"onDuplicateHostName\":\"merge\"}", "onDuplicateHostName"),
                new Case("{\"colour\":\"red\"}", "colour"), new Case("{\"policyID\":99}", "policyID"))) {
            Api.full().body(c.body()).post("/api/activationtokens").then().statusCode(400)
                    .contentType(Api.PROBLEM).body("invalidParams[0].name", equalTo(c.field()));
        }
        Api.full().body("[1]").post("/api/activationtokens").then().statusCode(400).contentType(Api.PROBLEM);
        Api.full().body("{not json").post("/api/activationtokens").then().statusCode(400).contentType(Api.PROBLEM);
        Api.full().delete("/api/activationtokens/abc").then().statusCode(404).contentType(Api.PROBLEM);
        Api.read().get("/api/activationtokens?limit=0").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("limit"));
        Api.read().get("/api/activationtokens?after=x").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("after"));
    }

    @Test
    void requiresKeysAndWriteRole() {
        io.restassured.RestAssured.given().get("/api/activationtokens").then().statusCode(401)
                .contentType(Api.PROBLEM);
        Api.read().body("{}").post("/api/activationtokens").then().statusCode(403).contentType(Api.PROBLEM);
        Api.read().delete("/api/activationtokens/1").then().statusCode(403);
    }

    @Test
    void answers503WithoutTheCaCertificate() throws Exception {
        Path ca = Path.of(caFile);
        Files.delete(ca);
        try {
            Api.full().body("{}").post("/api/activationtokens").then().statusCode(503).contentType(Api.PROBLEM)
                    .body("title", equalTo("Platform CA unavailable"));
        } finally {
            RegistryTestResource.restoreCa(ca);
        }
        Api.full().body("{}").post("/api/activationtokens").then().statusCode(201);
    }

    @Test
    void answers503WhenPolicyServiceFails() {
        Api.full().body("{\"policyID\":" + RegistryTestResource.FAILING_POLICY + "}").post("/api/activationtokens")
                .then().statusCode(503).contentType(Api.PROBLEM);
    }
}
