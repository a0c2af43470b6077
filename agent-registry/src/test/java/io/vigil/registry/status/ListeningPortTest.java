package io.vigil.registry.status;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.registry.Api;
import io.vigil.registry.KafkaProbe;
import io.vigil.registry.RegistryTestResource;
import io.vigil.registry.computer.ComputerService;
import io.vigil.testkit.EventSchemas;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.vigil.registry.status.StatusEventsTest.FP_A;
import static io.vigil.registry.status.StatusEventsTest.heartbeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The listening port an agent reports is adopted through the real Kafka and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ListeningPortTest {

    private static final Pattern ADOPTED = Pattern.compile(
            "(?m)^vigil_registry_listening_port_changes_total(?:\\{[^}]*})? ([0-9.E+]+)$");

    @Inject
    ComputerService service;

    @Test
    void aReportedPortReplacesTheRegisteredOneAndIsPublishedLikeAConsoleChange() {
        try (KafkaProbe computers = new KafkaProbe(Topics.COMPUTERS); KafkaProbe audit = new KafkaProbe(Topics.AUDIT);
             KafkaProbe status = new KafkaProbe(Topics.COMPUTER_STATUS)) {
            long id = Api.activate(Api.hostName("port"));
            String key = Long.toString(id);
            Api.read().get("/api/computers/" + id).then().body("listeningPort", equalTo(4118));
            // the engine judges a heartbeat's port only once it has read the computer's registration
            await().untilAsserted(() -> assertThat(StatusEventsTest.statuses(status, key)).isNotEmpty());
            double adoptedBefore = adoptedCount();

            heartbeat(id, FP_A, null, 4150);
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then().statusCode(200)
                    .body("listeningPort", equalTo(4150)));
            await().untilAsserted(() -> assertThat(registrations(computers, key))
                    .extracting(ComputerRegistration::listeningPort).containsExactly(4118, 4150));
            ComputerRegistration activated = registrations(computers, key).get(0);
            ComputerRegistration adopted = registrations(computers, key).get(1);
            assertThat(adopted.state()).isEqualTo(ComputerRegistration.ACTIVATED);
            assertThat(adopted).usingRecursiveComparison().ignoringFields("listeningPort", "changedAt")
                    .isEqualTo(activated);
            await().untilAsserted(() -> assertThat(adoptedCount()).isGreaterThanOrEqualTo(adoptedBefore + 1));

            // the same port again and no port at all change nothing; the console change after them is audited,
            // the port change before it is not
            heartbeat(id, FP_A, null, 4150);
            long last = heartbeat(id, FP_A, null, null);
            await().untilAsserted(() -> Api.read().get("/api/computers/" + id).then()
                    .body("lastAgentCommunication", equalTo(last)).body("listeningPort", equalTo(4150)));
            Api.full().body(Map.of("vmState", "stopped")).post("/api/computers/" + id).then().statusCode(200)
                    .body("listeningPort", equalTo(4150));
            await().untilAsserted(() -> assertThat(registrations(computers, key))
                    .extracting(ComputerRegistration::listeningPort, ComputerRegistration::vmState)
                    .containsExactly(tuple(4118, "running"), tuple(4150, "running"), tuple(4150, "stopped")));
            await().untilAsserted(() -> assertThat(audit.records(key))
                    .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .allSatisfy(v -> assertThat(EventSchemas.problems(v)).isEmpty())
                    .satisfiesExactly(v -> assertThat(v).contains("\"computer.activated\""),
                            v -> assertThat(v).contains("\"computer.updated\"").contains("\"stopped\"")));
        }
    }

    @Test
    void theDatabaseDecidesLastUnknownDeactivatedAndUnchangedComputersKeepTheirPort() throws Exception {
        try (KafkaProbe computers = new KafkaProbe(Topics.COMPUTERS)) {
            long same = Api.activate(Api.hostName("port-same"));
            long gone = Api.activate(Api.hostName("port-gone"));
            long moved = Api.activate(Api.hostName("port-moved"));
            Api.full().delete("/api/computers/" + gone).then().statusCode(204);

            List<ComputerService.PortChange> changes = service.adoptListeningPorts(
                    Map.of(same, 4118, gone, 4150, 999_999_999L, 4150, moved, 4151));

            assertThat(changes).containsExactly(new ComputerService.PortChange(moved, 4118, 4151));
            Api.read().get("/api/computers/" + gone).then().body("listeningPort", equalTo(4118));
            Api.read().get("/api/computers/" + same).then().body("listeningPort", equalTo(4118));
            Api.read().get("/api/computers/" + moved).then().body("listeningPort", equalTo(4151));
            await().untilAsserted(() -> {
                assertThat(registrations(computers, Long.toString(moved)))
                        .extracting(ComputerRegistration::listeningPort).containsExactly(4118, 4151);
                assertThat(registrations(computers, Long.toString(gone)))
                        .extracting(ComputerRegistration::state).containsExactly("activated", "deactivated");
                assertThat(registrations(computers, Long.toString(same))).hasSize(1);
            });
        }
    }

    private static List<ComputerRegistration> registrations(KafkaProbe probe, String key) {
        return probe.records(key).stream()
                .map(r -> EventJson.readEvent(r.value(), ComputerRegistration.class))
                .map(CloudEvent::data).toList();
    }

    private static double adoptedCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = ADOPTED.matcher(metrics);
        assertThat(m.find()).as("metric vigil_registry_listening_port_changes_total").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
