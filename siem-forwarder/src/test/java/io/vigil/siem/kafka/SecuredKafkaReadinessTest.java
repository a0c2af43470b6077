package io.vigil.siem.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/** With its own user, password and the broker's CA, the service's Kafka check passes against SASL_SSL with ACLs. */
@QuarkusTest
@QuarkusTestResource(value = SecuredKafkaResource.class, restrictToAnnotatedClass = true)
class SecuredKafkaReadinessTest {

    @Test
    void theWholeKafkaConfigurationReachesTheCheckAndItPasses() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'kafka-connection' }.status", is("UP")));
    }
}
