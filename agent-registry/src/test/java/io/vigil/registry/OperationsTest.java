package io.vigil.registry;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class OperationsTest {

    @Test
    void healthMetricsAndOpenApi() {
        given().get("/q/health/live").then().statusCode(200);
        await().untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        await().untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_registry_heartbeats_consumed_total"))
                .body(containsString("vigil_registry_flush_batch_size"))
                .body(containsString("vigil_registry_flush_duration_seconds"))
                .body(containsString("vigil_registry_consumer_lag")));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/computers"))
                .body(containsString("/api/activationtokens"));
    }
}
