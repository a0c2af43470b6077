package io.vigil.registry.tls;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.registry.Api;
import io.vigil.registry.RegistryTestResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class TlsCompatibilityResourceTest {

    static long activate(String host, String release, String version) {
        Map<String, Object> body = new HashMap<>(Api.activation(Api.token(Map.of()), host));
        body.put("agentVersion", version);
        if (release == null) {
            body.remove("agentRelease");
        } else {
            body.put("agentRelease", release);
        }
        return ((Number) Api.internal().body(body).post("/internal/activations").then().statusCode(201)
                .extract().path("computerID")).longValue();
    }

    @Test
    void listsComputersTheModeCutsOffOrMightCutOff() {
        long old = activate(Api.hostName("tls-old"), "9.5 SP1 P3 U3", "9.5.3-1234");
        long modern = activate(Api.hostName("tls-new"), "20", "20.0.1-3445");
        long unknown = activate(Api.hostName("tls-unknown"), null, "weird");
        List<Map<String, Object>> computers = Api.read().get("/api/computers/tlscompatibility?mode=strong")
                .then().statusCode(200).body("mode", equalTo("strong")).extract().jsonPath().getList("computers");
        Map<Long, String> verdicts = new HashMap<>();
        computers.forEach(c -> verdicts.put(((Number) c.get("ID")).longValue(), (String) c.get("verdict")));
        assertThat(verdicts).containsEntry(old, "cut-off").containsEntry(unknown, "unknown")
                .doesNotContainKey(modern);
        assertThat(computers).allSatisfy(c -> assertThat(c).containsKeys("hostName", "agentVersion",
                "agentRelease", "lastTls", "reason"));
    }

    @Test
    void refusesAMissingOrUnknownMode() {
        Api.read().get("/api/computers/tlscompatibility").then().statusCode(400).contentType(Api.PROBLEM)
                .body("invalidParams[0].name", equalTo("mode"));
        Api.read().get("/api/computers/tlscompatibility?mode=paranoid").then().statusCode(400)
                .body("invalidParams[0].allowed", equalTo("default, legacy, strong, fips"));
        io.restassured.RestAssured.given().get("/api/computers/tlscompatibility?mode=strong").then()
                .statusCode(401);
    }
}
