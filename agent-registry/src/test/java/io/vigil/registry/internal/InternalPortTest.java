package io.vigil.registry.internal;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.registry.Api;
import io.vigil.testkit.InternalPort;
import io.vigil.registry.RegistryTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Forged internal calls are refused: the console port serves no {@code /internal} endpoint at all; the internal port
 * answers 401 without a client certificate and 403 to a certificate of the platform CA that does not name
 * heartbeat-gateway (another service, an agent, the manager); it serves nothing but {@code /internal}.
 */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class InternalPortTest {

    private static final Map<String, Object> RENEWAL =
            Map.of("certificateSerial", "0A:0B", "certificateExpiresAt", "2028-01-01T00:00:00Z");

    @Test
    void anUnauthenticatedCertificateChangeOnTheConsolePortIsRefused() {
        long id = Api.activate(Api.hostName("forged"));
        given().contentType("application/json").body(RENEWAL)
                .post("/internal/computers/" + id + "/certificate").then().statusCode(404)
                .contentType(Api.PROBLEM).body("status", equalTo(404));
        given().contentType("application/json").body(RENEWAL)
                .post("/api/../internal/computers/" + id + "/certificate").then().statusCode(404);
        given().contentType("application/json").body(Api.activation(Api.token(Map.of()), Api.hostName("x")))
                .post("/internal/activations").then().statusCode(404);
    }

    @Test
    void theInternalPortWantsACertificate() {
        long id = Api.activate(Api.hostName("nocert"));
        RegistryTestResource.INTERNAL.anonymous().body(RENEWAL).post("/internal/computers/" + id + "/certificate").then().statusCode(401)
                .contentType(Api.PROBLEM).body("status", equalTo(401));
        RegistryTestResource.INTERNAL.anonymous().body(Api.activation(Api.token(Map.of()), Api.hostName("x")))
                .post("/internal/activations").then().statusCode(401);
    }

    @Test
    void certificatesOfOtherIdentitiesAreForbidden() {
        long id = Api.activate(Api.hostName("other"));
        for (String caller : new String[]{RegistryTestResource.ALERT_SERVICE, InternalPort.AGENT, InternalPort.MANAGER}) {
            RegistryTestResource.INTERNAL.as(caller).body(RENEWAL).post("/internal/computers/" + id + "/certificate").then()
                    .statusCode(403).contentType(Api.PROBLEM).body("status", equalTo(403));
            RegistryTestResource.INTERNAL.as(caller).body(Api.activation(Api.token(Map.of()), Api.hostName("x")))
                    .post("/internal/activations").then().statusCode(403);
        }
        Api.internal().body(RENEWAL).post("/internal/computers/" + id + "/certificate").then().statusCode(204);
    }

    @Test
    void theInternalPortServesNothingElse() {
        Api.internal().header("api-secret-key", Api.FULL).get("/api/computers").then().statusCode(404);
        Api.internal().get("/q/health").then().statusCode(404);
        Api.full().get("/api/computers").then().statusCode(200);
    }
}
