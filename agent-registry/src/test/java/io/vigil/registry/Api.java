package io.vigil.registry;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vigil.tls.service.ServiceIdentity;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** RestAssured shortcuts for this module's tests. */
public final class Api {

    public static final String FULL = "test-full-key";
    public static final String READ = "test-read-key";
    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static RequestSpecification full() {
        return given().header("api-secret-key", FULL).contentType(ContentType.JSON);
    }

    public static RequestSpecification read() {
        return given().header("api-secret-key", READ).contentType(ContentType.JSON);
    }

    /** The internal port as heartbeat-gateway, its only allowed caller. */
    public static RequestSpecification internal() {
        return RegistryTestResource.INTERNAL.as(ServiceIdentity.HEARTBEAT_GATEWAY);
    }

    /** Creates a token and returns its secret. */
    public static String token(Map<String, Object> body) {
        return full().body(body).post("/api/activationtokens").then().statusCode(201).extract().path("token");
    }

    /** A unique host name per test. */
    public static String hostName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid activation body for the gateway's call. */
    public static Map<String, Object> activation(String token, String hostName) {
        return Map.of("token", token, "hostName", hostName, "platform", "Linux", "agentVersion", "20.0.1-3445",
                "agentRelease", "20", "computerType", "physical", "listeningPort", 4118,
                "sourceAddress", "10.1.2.3", "certificateSerial", Long.toHexString(System.nanoTime()),
                "certificateExpiresAt", "2027-11-25T10:00:00Z");
    }

    /** Activates a new computer with a fresh reusable token; returns its ID. */
    public static long activate(String hostName) {
        String token = token(Map.of("policyID", 7));
        return activate(token, hostName);
    }

    public static long activate(String token, String hostName) {
        Number id = internal().body(activation(token, hostName)).post("/internal/activations")
                .then().statusCode(201).extract().path("computerID");
        return id.longValue();
    }
}
