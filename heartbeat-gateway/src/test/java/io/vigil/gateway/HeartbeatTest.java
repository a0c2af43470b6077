package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.gateway.ca.Pem;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RawConnection;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.gateway.support.Topics;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.VigilTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class HeartbeatTest {

    private static final String DEFAULT_FP = ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX;

    private TestAgent activated(String host) {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-" + host, host);
        return agent;
    }

    @Test
    void heartbeatIsPublishedWithTlsDetailsClockChangesAndLogEntries() {
        TestAgent agent = activated("hb-01");
        try (KafkaConsumer<String, String> heartbeats = Topics.tail(io.vigil.events.Topics.HEARTBEATS);
             KafkaConsumer<String, String> events = Topics.tail(io.vigil.events.Topics.AGENT_EVENTS)) {
            String body = TestAgent.heartbeat(DEFAULT_FP).replace("}}", "},\"events\":[{\"eventID\":5004,"
                    + "\"time\":\"2026-11-25T09:59:01Z\",\"description\":\"Clock changed\",\"data\":{\"previousTime\":"
                    + "\"2026-11-25T09:29:01Z\",\"changeSeconds\":1800}},{\"eventID\":7,\"time\":\"2026-11-25T09:59:02Z\"}],"
                    + "\"unknownMember\":true}");
            HttpResponse<String> response = agent.post("/agent/v1/heartbeat", body);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode answer = TestAgent.read(response.body());
            assertThat(answer.get("heartbeatIntervalSeconds").asLong()).isEqualTo(600);
            assertThat(answer.get("operations")).isEmpty();

            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                seen.addAll(Topics.poll(heartbeats));
                return seen.stream().anyMatch(r -> r.key().equals(Long.toString(agent.computerID)));
            });
            HeartbeatReceived received = EventJson.readEvent(seen.stream()
                    .filter(r -> r.key().equals(Long.toString(agent.computerID))).findFirst().orElseThrow().value(),
                    HeartbeatReceived.class).data();
            assertThat(received.tlsProtocol()).isEqualTo("TLSv1.3");
            assertThat(received.tlsCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
            assertThat(received.remoteAddress()).isEqualTo("127.0.0.1");
            assertThat(received.counters()).containsEntry("firewallPacketsBlocked", 12L);
            assertThat(received.clockChanges()).singleElement().satisfies(c -> {
                assertThat(c.changeSeconds()).isEqualTo(1800);
                assertThat(c.previousTime()).isEqualTo("2026-11-25T09:29:01Z");
            });
            assertThat(received.viaPoll()).isFalse();

            List<ConsumerRecord<String, String>> logged = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                logged.addAll(Topics.poll(events));
                return logged.stream().filter(r -> r.key().equals(Long.toString(agent.computerID))).count() == 2;
            });
            assertThat(logged.stream().map(r -> EventJson.readEvent(r.value(), AgentEvent.class))
                    .map(e -> e.type() + ":" + e.data().eventID()))
                    .containsExactly(EventTypes.AGENT_EVENT + ":5004", EventTypes.AGENT_EVENT + ":7");
        }
    }

    @Test
    void everyMalformedFieldIsNamedAndNoCertificateIs401() {
        TestAgent agent = activated("hb-02");
        HttpResponse<String> bad = agent.post("/agent/v1/heartbeat", "{\"agentTime\":\"yesterday\","
                + "\"driverStatus\":\"Sleeping\",\"configFingerprint\":\"md5:1\",\"uptimeMillis\":-1,"
                + "\"counters\":{\"x\":\"many\"},\"events\":[{\"eventID\":5004,\"time\":\"2026-11-25T09:59:01Z\"}],"
                + "\"operationResults\":[{\"operationID\":1,\"status\":\"maybe\"}],\"listeningPort\":70000}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestAgent.read(bad.body()).get("invalidParams").findValuesAsText("name")).containsExactlyInAnyOrder(
                "agentVersion", "agentTime", "driverStatus", "configFingerprint", "uptimeMillis", "counters.x",
                "events[0].data.changeSeconds", "operationResults[0].status", "listeningPort");
        assertThat(agent.post("/agent/v1/heartbeat", "[1,2]").statusCode()).isEqualTo(400);

        HttpResponse<String> anonymous = agent.post(agent.client(null), "/agent/v1/heartbeat",
                TestAgent.heartbeat(DEFAULT_FP));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void everyAnswerOnTheAgentPortNamesItsRequest() {
        TestAgent agent = activated("hb-08");
        HttpResponse<String> accepted = agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP),
                "agent-7f3a:1");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("X-Request-ID")).hasValue("agent-7f3a:1");

        HttpResponse<String> refused = agent.post("/agent/v1/heartbeat", "[1,2]", "agent-7f3a:2");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("X-Request-ID")).hasValue("agent-7f3a:2");

        HttpResponse<String> unnamed = agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP),
                "two words");
        assertThat(unnamed.headers().firstValue("X-Request-ID")).hasValueSatisfying(id ->
                assertThat(UUID.fromString(id).toString()).isEqualTo(id));
    }

    @Test
    void bodiesOver1MiBGet413AndTheConnectionStaysUsable() {
        TestAgent agent = activated("hb-03");
        String big = TestAgent.heartbeat(DEFAULT_FP).replace("}}", "},\"padding\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(agent.post("/agent/v1/heartbeat", big).statusCode()).isEqualTo(413);
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedBodiesOver1MiBGet413ProblemAndTheSameConnectionStaysUsable() throws IOException {
        TestAgent agent = activated("hb-07");
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            connection.sendChunked("/agent/v1/heartbeat", padded(2 * 1024 * 1024));
            RawConnection.Answer tooLarge = connection.read();
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(TestAgent.read(tooLarge.body()).get("type").asText())
                    .isEqualTo("https://vigil.io/problems/body-too-large");
            assertThat(tooLarge.header("Connection")).isNull();

            connection.send("/agent/v1/heartbeat", TestAgent.utf8(TestAgent.heartbeat(DEFAULT_FP)));
            assertThat(connection.read().status()).isEqualTo(200);
            connection.sendChunked("/agent/v1/heartbeat", padded(1024 * 1024 + 1));
            assertThat(connection.read().status()).isEqualTo(413);
            connection.sendChunked("/agent/v1/heartbeat", TestAgent.utf8(TestAgent.heartbeat(DEFAULT_FP)));
            assertThat(connection.read().status()).isEqualTo(200);
        }
    }

    @Test
    void chunkedBodiesUnder1MiBAreHandledAsBefore() throws IOException {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        try (RawConnection activation = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            activation.sendChunked("/agent/v1/activation", TestAgent.utf8(agent.activationBody("good-hb-08", "hb-08")));
            RawConnection.Answer activated = activation.read();
            assertThat(activated.status()).isEqualTo(201);
            agent.computerID = TestAgent.read(activated.body()).get("computerID").asLong();
            agent.useCertificate(TestAgent.parseChain(TestAgent.read(activated.body()).get("certificate").asText()));
        }
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            connection.sendChunked("/agent/v1/heartbeat", padded(200 * 1024));
            RawConnection.Answer accepted = connection.read();
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(TestAgent.read(accepted.body()).get("heartbeatIntervalSeconds").asLong()).isEqualTo(600);

            connection.sendChunked("/agent/v1/heartbeat", padded(1024 * 1024));
            RawConnection.Answer exactly1MiB = connection.read();
            assertThat(exactly1MiB.status()).as(exactly1MiB.body()).isEqualTo(200);
            connection.sendChunked("/agent/v1/heartbeat",
                    TestAgent.utf8(TestAgent.heartbeat(DEFAULT_FP).replace("Online", "Sleeping")));
            RawConnection.Answer invalid = connection.read();
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(TestAgent.read(invalid.body()).get("invalidParams").findValuesAsText("name"))
                    .containsExactly("driverStatus");

            // Expect: 100-continue gets exactly one interim answer before the body is sent
            connection.startChunked("/agent/v1/heartbeat", true);
            assertThat(connection.read().status()).isEqualTo(100);
            connection.finishChunked(padded(64 * 1024));
            assertThat(connection.read().status()).isEqualTo(200);
        }
    }

    @Test
    void chunkedBodiesBeyondTheDrainLimitGet413AndTheConnectionIsClosed() throws IOException {
        TestAgent agent = activated("hb-09");
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            connection.floodChunked("/agent/v1/heartbeat", chunk, 33 * 16);
            RawConnection.Answer tooLarge = connection.read();
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(TestAgent.read(tooLarge.body()).get("type").asText())
                    .isEqualTo("https://vigil.io/problems/body-too-large");
            assertThat(tooLarge.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(connection.closedByPeer(10_000)).isTrue();
        }
    }

    @Test
    void announcedBodiesBeyondTheDrainLimitGet413AtOnceAndTheConnectionIsClosed() throws IOException {
        TestAgent agent = activated("hb-10");
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            // the body is never sent: the answer comes at once, the connection is closed after the linger time
            connection.sendHead("/agent/v1/heartbeat", 40L * 1024 * 1024);
            RawConnection.Answer tooLarge = connection.read();
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(tooLarge.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(connection.closedByPeer(10_000)).isTrue();
        }
    }

    /** A valid heartbeat of exactly {@code size} bytes (a padding member fills it up). */
    private static byte[] padded(int size) {
        String heartbeat = TestAgent.heartbeat(DEFAULT_FP);
        String prefix = heartbeat.substring(0, heartbeat.length() - 1) + ",\"padding\":\"";
        byte[] body = TestAgent.utf8(prefix + "x".repeat(size - prefix.length() - 2) + "\"}");
        assertThat(body).hasSize(size);
        return body;
    }

    @Test
    void aCertificateFromAnotherCaFailsTheHandshake() {
        CertificateAuthority foreign = CertificateAuthority.create("Foreign CA");
        KeyPair keys = CertificateAuthority.rsaKeyPair(2048);
        X509Certificate leaf = foreign.issue(keys.getPublic(), "x", CertificateNames.computer(1), List.of(),
                CertificateAuthority.newSerial(), Instant.now().plus(1, ChronoUnit.DAYS));
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        var client = TestAgent.client(List.of(leaf, foreign.certificate()), keys, null);
        assertThatThrownBy(() -> agent.post(client, "/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void deactivatedAndSupersededCertificatesAre403OnAKeptAliveConnection() {
        TestAgent agent = activated("hb-04");
        String serial = CertificateAuthority.serialHex(agent.chain.getFirst().getSerialNumber());
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);

        publishRegistration(agent.computerID, ComputerRegistration.DEACTIVATED, serial);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode() == 403);

        publishRegistration(agent.computerID, ComputerRegistration.ACTIVATED, serial);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode() == 200);

        publishRegistration(agent.computerID, ComputerRegistration.ACTIVATED, "abc123");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode() == 403);
    }

    @Test
    void configurationDriftGetsUpdateConfigurationUntilItFailsAndAgainAfterAChange() {
        TestAgent agent = activated("hb-05");
        AgentConfiguration first = new AgentConfiguration(60, "Agent/Appliance Initiated", 600L, List.of("any"));
        publishConfiguration(agent.computerID, first);
        await().atMost(Duration.ofSeconds(10)).until(() -> operations(agent, DEFAULT_FP).size() == 1);
        JsonNode operation = operations(agent, DEFAULT_FP).get(0);
        assertThat(operation.get("type").asText()).isEqualTo("UpdateConfiguration");
        assertThat(operation.get("configFingerprint").asText()).isEqualTo(ConfigFingerprint.of(first));
        assertThat(operation.get("configuration").get("heartbeatIntervalSeconds").asLong()).isEqualTo(60);

        // the agent reports failure: not resent while the configuration stays the same
        long id = operation.get("operationID").asLong();
        String failed = TestAgent.heartbeat(DEFAULT_FP).replace("}}", "},\"operationResults\":[{\"operationID\":"
                + id + ",\"status\":\"failed\",\"reason\":\"disk full\"}]}");
        assertThat(TestAgent.read(agent.post("/agent/v1/heartbeat", failed).body()).get("operations")).isEmpty();
        assertThat(operations(agent, DEFAULT_FP)).isEmpty();
        // the agent that runs it is not asked again
        assertThat(operations(agent, ConfigFingerprint.of(first))).isEmpty();

        AgentConfiguration second = new AgentConfiguration(120, "Agent/Appliance Initiated", 600L, List.of("any"));
        publishConfiguration(agent.computerID, second);
        await().atMost(Duration.ofSeconds(10)).until(() -> operations(agent, DEFAULT_FP).size() == 1
                && operations(agent, DEFAULT_FP).get(0).get("operationID").asLong() != id);
    }

    @Test
    void certificatesNearExpiryAreRenewedOverTheAuthenticatedConnection() throws Exception {
        // a certificate that expires in 10 days, issued by the platform CA the gateway uses
        CertificateAuthority ca = new CertificateAuthority(TestAgent.caCertificate(),
                Pem.privateKey(Files.readString(TestAgent.CA_DIR.resolve("ca.key"))));
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        long computerID = 987_654;
        X509Certificate expiring = ca.issue(agent.keys.getPublic(), "c", CertificateNames.computer(computerID), List.of(),
                CertificateAuthority.newSerial(), Instant.now().plus(10, ChronoUnit.DAYS));
        agent.useCertificate(List.of(expiring, ca.certificate()));
        JsonNode operation = operations(agent, DEFAULT_FP).get(0);
        assertThat(operation.get("type").asText()).isEqualTo("RenewCertificate");

        KeyPair next = CertificateAuthority.rsaKeyPair(2048);
        HttpResponse<String> renewed = agent.post("/agent/v1/certificate",
                "{\"csr\":" + EventJson.toJson(TestAgent.csr(next)) + "}");
        assertThat(renewed.statusCode()).isEqualTo(201);
        List<X509Certificate> chain = TestAgent.parseChain(TestAgent.read(renewed.body()).get("certificate").asText());
        assertThat(chain.getFirst().getNotAfter().toInstant()).isAfter(Instant.now().plus(300, ChronoUnit.DAYS));
        assertThat(CertificateNames.computerOf(chain.getFirst())).hasValue(computerID);
        String newSerial = CertificateAuthority.serialHex(chain.getFirst().getSerialNumber());
        assertThat(RegistryStub.RENEWALS).anyMatch(r -> r.startsWith("/internal/computers/" + computerID
                + "/certificate ") && r.contains(newSerial));

        var renewedClient = TestAgent.client(chain, next, null);
        HttpResponse<String> after = agent.post(renewedClient, "/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP));
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(TestAgent.read(after.body()).get("operations")).isEmpty();
    }

    private static JsonNode operations(TestAgent agent, String fingerprint) {
        HttpResponse<String> response = agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(fingerprint));
        assertThat(response.statusCode()).isEqualTo(200);
        return TestAgent.read(response.body()).get("operations");
    }

    static void publishRegistration(long computerID, String state, String serial) {
        Topics.publish(io.vigil.events.Topics.COMPUTERS, computerID, EventTypes.COMPUTER_REGISTERED,
                new ComputerRegistration(computerID, "host-" + computerID, "Linux", "20.0.1", "20", "physical", 1,
                        "127.0.0.1", 4118, "running", state, serial, Instant.now().plus(300, ChronoUnit.DAYS),
                        Instant.now().plusSeconds(1)));
    }

    static void publishConfiguration(long computerID, AgentConfiguration configuration) {
        Topics.publish(io.vigil.events.Topics.COMPUTER_CONFIG, computerID, EventTypes.COMPUTER_CONFIGURATION,
                new ComputerConfiguration(computerID, 1, Map.of(), configuration, ConfigFingerprint.of(configuration),
                        configuration.heartbeatIntervalSeconds(), 2, configuration.clockChangeThresholdSeconds(),
                        false, Instant.now()));
    }

    @Test
    void kafkaDownGives503WithRetryAfterWithin10Seconds() {
        TestAgent agent = activated("hb-06");
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
        var broker = Infrastructure.shared().broker();
        broker.close();
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(elapsedMs).isLessThan(10_000);
        } finally {
            broker.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode() == 200);
    }
}
