package io.vigil.siem.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/** A trust store that does not hold the broker's CA: readiness DOWN, naming kafka.ssl.truststore.location. */
@QuarkusTest
@QuarkusTestResource(value = SecuredKafkaResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "mode", value = "untrusted"))
class UntrustedKafkaCertificateTest {

    @Test
    void readinessStaysDownAndNamesTheTrustStore() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'kafka-connection' }.data.setting",
                        is("kafka.ssl.truststore.location"))
                .body("checks.find { it.name == 'kafka-connection' }.data.kind", is("TLS")));
    }
}
