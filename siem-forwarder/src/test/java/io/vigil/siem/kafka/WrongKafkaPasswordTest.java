package io.vigil.siem.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** A wrong SASL password: readiness DOWN, naming kafka.sasl.jaas.config and its variable, the password never shown. */
@QuarkusTest
@QuarkusTestResource(value = SecuredKafkaResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "mode", value = "wrong-password"))
class WrongKafkaPasswordTest {

    @Test
    void readinessStaysDownAndNamesTheJaasSetting() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'kafka-connection' }.data.setting", is("kafka.sasl.jaas.config"))
                .body("checks.find { it.name == 'kafka-connection' }.data.environmentVariable",
                        is("KAFKA_SASL_JAAS_CONFIG"))
                .body(not(containsString("not-it"))));
    }
}
