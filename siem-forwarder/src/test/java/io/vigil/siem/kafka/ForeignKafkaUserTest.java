package io.vigil.siem.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Logged in as another service, whose ACLs do not cover this one's topics: readiness names principal and topic. */
@QuarkusTest
@QuarkusTestResource(value = SecuredKafkaResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "mode", value = "other-user"))
class ForeignKafkaUserTest {

    @Test
    void readinessStaysDownAndNamesThePrincipalAndTheTopic() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'kafka-connection' }.data.kind", is("AUTHORIZATION"))
                .body("checks.find { it.name == 'kafka-connection' }.data.problem",
                        allOf(containsString("User:policy-service"), containsString("topic vigil.alerts"))));
    }
}
