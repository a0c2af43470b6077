package io.vigil.registry.activation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.registry.Api;
import io.vigil.registry.KafkaProbe;
import io.vigil.registry.RegistryTestResource;
import io.vigil.testkit.EventSchemas;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ActivationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void activatesANewComputerAndPublishesItsRegistrationAndAudit() {
        try (KafkaProbe computers = new KafkaProbe(Topics.COMPUTERS); KafkaProbe audit = new KafkaProbe(Topics.AUDIT)) {
            String host = Api.hostName("web");
            String token = Api.token(Map.of("policyID", 7));
            Map<String, Object> body = Api.activation(token, host);
            Number id = Api.internal().body(body).post("/internal/activations").then().statusCode(201)
                    .body("policyID", equalTo(7)).body("reactivated", equalTo(false))
                    .body("supersededComputerID", nullValue()).extract().path("computerID");
            Api.read().get("/api/computers/" + id).then().statusCode(200)
                    .body("hostName", equalTo(host)).body("platform", equalTo("Linux"))
                    .body("agentRelease", equalTo("20")).body("computerType", equalTo("physical"))
                    .body("agentAddress", equalTo("10.1.2.3")).body("listeningPort", equalTo(4118))
                    .body("policyID", equalTo(7)).body("vmState", equalTo("running"))
                    .body("certificateExpiresAt", equalTo(Instant.parse("2027-11-25T10:00:00Z").toEpochMilli()))
                    .body("computerStatus.agentStatus", equalTo("active"))
                    .body("computerStatus.agentStatusMessages[0]", equalTo("Managed (Activated)"))
                    .body("lastAgentCommunication", nullValue());
            String key = id.toString();
            await().untilAsserted(() -> {
                List<ComputerRegistration> regs = registrations(computers, key);
                assertThat(regs).hasSize(1);
                assertThat(regs.getFirst().certificateSerial()).isEqualTo(body.get("certificateSerial"));
                assertThat(regs.getFirst().state()).isEqualTo("activated");
                assertThat(audit.records(key)).extracting(r -> new String(r.value()))
                        .anySatisfy(v -> assertThat(v).contains("computer.activated").contains("\"actor\":\"agent\""))
                        .allSatisfy(v -> assertThat(EventSchemas.problems(v)).isEmpty());
            });
        }
    }

    @Test
    void refusesUnknownExpiredUsedUpAndDeletedTokens() throws Exception {
        Api.internal().body(Api.activation("no-such-token", Api.hostName("x"))).post("/internal/activations")
                .then().statusCode(401).contentType(Api.PROBLEM);

        String once = Api.token(Map.of("maxUses", 1));
        Api.activate(once, Api.hostName("once"));
        Api.internal().body(Api.activation(once, Api.hostName("twice"))).post("/internal/activations")
                .then().statusCode(401).contentType(Api.PROBLEM);

        var created = Api.full().body("{}").post("/api/activationtokens").then().statusCode(201).extract();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE activation_token SET expires_at_ms = 1 WHERE id = ?")) {
            ps.setLong(1, ((Number) created.path("ID")).longValue());
            ps.executeUpdate();
        }
        Api.internal().body(Api.activation(created.path("token"), Api.hostName("late")))
                .post("/internal/activations").then().statusCode(401);

        var deleted = Api.full().body("{}").post("/api/activationtokens").then().statusCode(201).extract();
        Api.full().delete("/api/activationtokens/" + deleted.path("ID")).then().statusCode(204);
        Api.internal().body(Api.activation(deleted.path("token"), Api.hostName("gone")))
                .post("/internal/activations").then().statusCode(401);
    }

    @Test
    void reactivatesTheExistingComputerWithANewCertificate() {
        try (KafkaProbe computers = new KafkaProbe(Topics.COMPUTERS); KafkaProbe audit = new KafkaProbe(Topics.AUDIT)) {
            String host = Api.hostName("db");
            String token = Api.token(Map.of());
            long first = Api.activate(token, host);
            Map<String, Object> again = new HashMap<>(Api.activation(token, host.toUpperCase()));
            again.put("certificateSerial", "abcdef01");
            again.put("agentVersion", "20.0.2-100");
            Api.internal().body(again).post("/internal/activations").then().statusCode(201)
                    .body("computerID", equalTo((int) first)).body("reactivated", equalTo(true));
            Api.read().get("/api/computers/" + first).then().body("agentVersion", equalTo("20.0.2-100"));
            await().untilAsserted(() -> {
                assertThat(registrations(computers, Long.toString(first)))
                        .extracting(ComputerRegistration::certificateSerial).last().isEqualTo("abcdef01");
                assertThat(audit.records(Long.toString(first))).extracting(r -> new String(r.value()))
                        .anySatisfy(v -> assertThat(v).contains("computer.reactivated"));
            });
        }
    }

    @Test
    void newComputerSupersedesTheOldOne() {
        String host = Api.hostName("app");
        String token = Api.token(Map.of("onDuplicateHostName", "new-computer"));
        long first = Api.activate(token, host);
        Number second = Api.internal().body(Api.activation(token, host)).post("/internal/activations").then()
                .statusCode(201).body("reactivated", equalTo(false))
                .body("supersededComputerID", equalTo((int) first)).extract().path("computerID");
        assertThat(second.longValue()).isGreaterThan(first);
        Api.read().get("/api/computers/" + first).then().body("computerStatus.agentStatus", equalTo("inactive"))
                .body("computerStatus.agentStatusMessages[0]", equalTo("Deactivated"));
    }

    @Test
    void rejectRefusesADuplicateWithoutConsumingAUse() {
        String host = Api.hostName("dup");
        var created = Api.full().body(Map.of("onDuplicateHostName", "reject")).post("/api/activationtokens")
                .then().statusCode(201).extract();
        String token = created.path("token");
        Api.activate(token, host);
        Api.internal().body(Api.activation(token, host)).post("/internal/activations").then().statusCode(409)
                .contentType(Api.PROBLEM);
        Number id = created.path("ID");
        Api.read().get("/api/activationtokens?after=" + (id.longValue() - 1) + "&limit=1").then()
                .body("activationTokens[0].uses", equalTo(1));
    }

    @Test
    void rejectsBadActivationInput() {
        String token = Api.token(Map.of());
        Map<String, Object> cases = new java.util.LinkedHashMap<>();
        cases.put("hostName", null);
        cases.put("computerType", "mainframe");
        cases.put("listeningPort", 70000);
        cases.put("certificateSerial", "xyz");
        cases.put("certificateExpiresAt", "tomorrow");
        cases.put("agentAddress", "not an address");
        cases.put("agentVersion", 20);
        cases.forEach((field, value) -> {
            Map<String, Object> body = new HashMap<>(Api.activation(token, Api.hostName("bad")));
            if (value == null) {
                body.remove(field);
            } else {
                body.put(field, value);
            }
            Api.internal().body(body).post("/internal/activations").then().statusCode(400)
                    .contentType(Api.PROBLEM).body("invalidParams[0].name", equalTo(field));
        });
        Api.internal().body("\"text\"").post("/internal/activations").then().statusCode(400);
        Map<String, Object> extra = new HashMap<>(Api.activation(token, Api.hostName("extra")));
        extra.put("csr", "-----BEGIN CERTIFICATE REQUEST-----");
        Api.internal().body(extra).post("/internal/activations").then().statusCode(201);
    }

    @Test
    void usesSourceAddressAndEpochMillisExpiry() {
        Map<String, Object> body = new HashMap<>(Api.activation(Api.token(Map.of()), Api.hostName("src")));
        body.put("sourceAddress", "192.0.2.9");
        body.put("certificateExpiresAt", 1795600800000L);
        Number id = Api.internal().body(body).post("/internal/activations").then().statusCode(201)
                .extract().path("computerID");
        Api.read().get("/api/computers/" + id).then().body("agentAddress", equalTo("192.0.2.9"))
                .body("certificateExpiresAt", equalTo(1795600800000L));
    }

    @Test
    void renewsCertificates() {
        try (KafkaProbe computers = new KafkaProbe(Topics.COMPUTERS)) {
            long id = Api.activate(Api.hostName("renew"));
            Api.internal().body(Map.of("certificateSerial", "0A:0B:0C", "certificateExpiresAt", "2028-01-01T00:00:00Z"))
                    .post("/internal/computers/" + id + "/certificate").then().statusCode(204);
            Api.read().get("/api/computers/" + id).then()
                    .body("certificateExpiresAt", equalTo(Instant.parse("2028-01-01T00:00:00Z").toEpochMilli()));
            await().untilAsserted(() -> assertThat(registrations(computers, Long.toString(id)))
                    .extracting(ComputerRegistration::certificateSerial).contains("0a0b0c"));
            Api.internal().body(Map.of("certificateSerial", "zz", "certificateExpiresAt", "2028-01-01T00:00:00Z"))
                    .post("/internal/computers/" + id + "/certificate").then().statusCode(400)
                    .body("invalidParams[0].name", equalTo("certificateSerial"));
            Api.internal().body(Map.of("certificateSerial", "01", "certificateExpiresAt", "2028-01-01T00:00:00Z"))
                    .post("/internal/computers/999999999/certificate").then().statusCode(404);
            Api.full().delete("/api/computers/" + id).then().statusCode(204);
            Api.internal().body(Map.of("certificateSerial", "01", "certificateExpiresAt", "2028-01-01T00:00:00Z"))
                    .post("/internal/computers/" + id + "/certificate").then().statusCode(409);
        }
    }

    static List<ComputerRegistration> registrations(KafkaProbe probe, String key) {
        return probe.records(key).stream()
                .map(r -> EventJson.readEvent(r.value(), ComputerRegistration.class))
                .map(CloudEvent::data).toList();
    }
}
