package io.vigil.siem.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.alert.AlertData;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The service starts as a Kafka user without any ACL: the start-up check fails, and the delivery and directory loops
 * are refused too. Once the ACLs are granted (while the service keeps running), the retried check turns readiness UP
 * and the loops run again: an alert produced afterwards reaches the receiver as CEF, with the host name the directory
 * read.
 */
@QuarkusTest
@QuarkusTestResource(value = SecuredKafkaResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "mode", value = "late-grant"))
class LateGrantTest {

    private static final long COMPUTER = 7301;
    private static final String KEY = CloudEvents.computerKey(COMPUTER);

    @Test
    void theLoopsRunAgainOnceTheAclsAreGranted() throws Exception {
        var config = ConfigProvider.getConfig();
        int port = URI.create(config.getValue("vigil.siem.syslog.url", String.class)).getPort();
        try (LoopbackSyslog receiver = new LoopbackSyslog(port); Admin admin = Admin.create(admin())) {
            await("the check is refused").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'kafka-connection' }.data.kind", is("AUTHORIZATION"))
                            .body("checks.find { it.name == 'kafka-connection' }.data.problem",
                                    containsString(SecuredKafkaResource.LATE_USER)));
            // the directory and delivery loops (directory-load-timeout 3 s) meet the refusal too: readiness holds
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503));
            produce(Topics.COMPUTERS, CloudEvents.create("/vigil/agent-registry", EventTypes.COMPUTER_REGISTERED,
                    KEY, new ComputerRegistration(COMPUTER, "late-host-" + COMPUTER, "linux", "20.0.1", "3445",
                            "physical", 1, "10.0.0.73", 4118, "running", ComputerRegistration.ACTIVATED, "0a",
                            Instant.now().plusSeconds(3600), Instant.now())));

            admin.createAcls(SecuredKafkaResource.lateUserAcls()).all().get(30, TimeUnit.SECONDS);

            await("readiness UP after the grant").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(200));
            CloudEvent<AlertData> raised = CloudEvents.create("/vigil/alert-service", EventTypes.ALERT_RAISED, KEY,
                    new AlertData(73, "agent-offline", "Agent/Appliance Offline", "critical", COMPUTER, null,
                            Instant.now(), Instant.now(), 1, "open", false, "silent", null));
            produce(Topics.ALERTS, raised);
            String alertId = raised.id();
            await("the alert forwarded as CEF").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(receiver.all()).contains("externalId=" + alertId)
                            .contains("dvchost=late-host-" + COMPUTER));
        }
    }

    private static Map<String, Object> admin() {
        Map<String, Object> admin = new HashMap<>();
        ConfigProvider.getConfig().getPropertyNames().forEach(name -> {
            if (name.startsWith(SecuredKafkaResource.ADMIN_PREFIX)) {
                admin.put(name.substring(SecuredKafkaResource.ADMIN_PREFIX.length()),
                        ConfigProvider.getConfig().getValue(name, String.class));
            }
        });
        return admin;
    }

    private static void produce(String topic, CloudEvent<?> event) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(admin(), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, KEY, EventJson.toBytes(event))).get(30, TimeUnit.SECONDS);
        }
    }
}
