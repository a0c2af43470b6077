package io.vigil.policy;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** RestAssured requests with the test keys of application.properties. */
public final class ApiFixture {

    public static final String FULL = "test-full-key";
    public static final String READ_ONLY = "test-read-key";

    private ApiFixture() {
    }

    public static RequestSpecification full() {
        return given().header("api-secret-key", FULL).contentType("application/json");
    }

    public static RequestSpecification readOnly() {
        return given().header("api-secret-key", READ_ONLY).contentType("application/json");
    }

    /** Creates a policy under {@code parentID} and returns its ID. */
    public static long createPolicy(String name, long parentID) {
        return full().body("{\"name\":\"" + name + "\",\"parentID\":" + parentID + "}").post("/api/policies")
                .then().statusCode(201).extract().jsonPath().getLong("ID");
    }

    /** Registers a computer through Kafka, as the registry does, and waits until policy-service knows it. */
    public static long computerOn(long policy, String type) {
        long id = KafkaFixture.newComputerId();
        KafkaFixture.register(id, type, policy);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                full().get("/api/computers/" + id + "/settings").then().statusCode(200));
        return id;
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}
