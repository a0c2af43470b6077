package io.vigil.gateway.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.ca.Pem;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.HeldState;
import io.vigil.gateway.support.RawConnection;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.testkit.VigilTestResource;
import io.vigil.tls.CertificateNames;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent port's guards in the default test profile: 503 until the computers' state is read, the log-entry cap,
 * the unauthenticated body cap, and the certificate renewal window and budget.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class AgentGuardTest {

    /** vigil.gateway.guard.unauthenticated-body-bytes, default. */
    private static final int BODY_LIMIT = 32_768;
    private static final String DEFAULT_FP = ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX;

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestAgent.read(response.body()).get("type").asText()).endsWith("/" + type);
    }

    @Test
    void everyAgentRequestGets503WithRetryAfterUntilTheStateHasBeenRead() {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-guard-01", "guard-01");
        HeldState.held = true;
        try {
            for (HttpResponse<String> refused : List.of(
                    agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)),
                    agent.post("/agent/v1/certificate", "{\"csr\":\"x\"}"),
                    new TestAgent(GatewayTestResources.agentPort()).post("/agent/v1/activation",
                            agent.activationBody("good-guard-02", "guard-02")))) {
                assertProblem(refused, 503, "gateway-starting");
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            }
            // the same kept-alive connection is served once the state is read
        } finally {
            HeldState.held = false;
        }
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
    }

    @Test
    void aHeartbeatCarriesAtMostTheConfiguredNumberOfLogEntries() {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-guard-03", "guard-03");
        HttpResponse<String> tooMany = agent.post("/agent/v1/heartbeat", withEvents(1001));
        assertProblem(tooMany, 400, "invalid-request");
        JsonNode invalid = TestAgent.read(tooMany.body()).get("invalidParams").get(0);
        assertThat(invalid.get("name").asText()).isEqualTo("events");
        assertThat(invalid.get("reason").asText()).contains("at most 1000 log entries");
        assertThat(agent.post("/agent/v1/heartbeat", withEvents(1000)).statusCode()).isEqualTo(200);
    }

    private static String withEvents(int count) {
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            events.append(i == 0 ? "" : ",").append("{\"eventID\":7,\"time\":\"2026-11-25T09:59:02Z\"}");
        }
        return TestAgent.heartbeat(DEFAULT_FP).replace("}}", "},\"events\":" + events + "]}");
    }

    @Test
    void anActivationBodyBeyondWhatACsrNeedsIsRefusedBeforeItIsRead() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            connection.sendHead("/agent/v1/activation", BODY_LIMIT + 1);
            RawConnection.Answer answer = connection.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("limited to " + BODY_LIMIT + " bytes");
            assertThat(connection.closedByPeer(10_000)).isTrue();
        }
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            String padded = agent.activationBody("good-guard-04", "guard-04")
                    .replace("}", ",\"padding\":\"" + "x".repeat(BODY_LIMIT) + "\"}");
            connection.sendChunked("/agent/v1/activation", padded.getBytes(StandardCharsets.UTF_8));
            RawConnection.Answer answer = connection.read();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("limited to " + BODY_LIMIT + " bytes");
        }
        // an ordinary activation (token, host facts and a CSR: about 1.5 KiB) is accepted
        assertThat(agent.activate("good-guard-04", "guard-04").get("computerID").asLong()).isPositive();
    }

    @Test
    void theLargestActivationTheRulesAllowFitsTheBodyLimitAndOneCharacterMoreOfCsrIsRefused() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        String csr = LargestCsr.of(agent.keys, LargestCsr.MAX_CHARACTERS);
        assertThat(csr).hasSize(LargestCsr.MAX_CHARACTERS);
        String largest = LargestCsr.activationBody("good-" + "t".repeat(507), csr);
        int bytes = largest.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("every member at its longest, the free-text ones \\u-escaped: more than 16 KiB")
                .isGreaterThan(16_384).isLessThanOrEqualTo(BODY_LIMIT);
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            connection.send("/agent/v1/activation", largest.getBytes(StandardCharsets.UTF_8));
            RawConnection.Answer answer = connection.read();
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(TestAgent.read(answer.body()).get("computerID").asLong()).isPositive();
        }
        HttpResponse<String> oneMore = agent.post("/agent/v1/activation", LargestCsr.activationBody("good-guard-05",
                csr + "\n"));
        assertProblem(oneMore, 400, "invalid-request");
        JsonNode invalid = TestAgent.read(oneMore.body()).get("invalidParams").get(0);
        assertThat(invalid.get("name").asText()).isEqualTo("csr");
        assertThat(invalid.get("reason").asText()).contains("at most 16384 characters");
    }

    @Test
    void renewalIsAcceptedOnlyInsideTheRenewalWindowAndWithinTheComputersBudget() throws Exception {
        CertificateAuthority ca = new CertificateAuthority(TestAgent.caCertificate(),
                Pem.privateKey(Files.readString(TestAgent.CA_DIR.resolve("ca.key"))));
        long computerID = 987_700;
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        String csr = "{\"csr\":" + EventJson.toJson(TestAgent.csr(CertificateAuthority.rsaKeyPair(2048))) + "}";

        // a certificate with 40 days left: outside the last 30 days, no RenewCertificate pending, refused
        agent.useCertificate(List.of(issue(ca, agent.keys, computerID, 40), ca.certificate()));
        assertThat(TestAgent.read(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).body())
                .get("operations")).isEmpty();
        HttpResponse<String> early = agent.post("/agent/v1/certificate", csr);
        assertProblem(early, 409, "renewal-not-due");
        assertThat(TestAgent.read(early.body()).get("detail").asText()).contains("renewal is accepted from");
        assertThat(RegistryStub.RENEWALS).noneMatch(r -> r.startsWith("/internal/computers/" + computerID + "/"));

        // 29 days left: inside the window; 3 requests per hour are allowed (a bad CSR counts too), the 4th is not
        agent.useCertificate(List.of(issue(ca, agent.keys, computerID, 29), ca.certificate()));
        assertThat(agent.post("/agent/v1/certificate", "{\"csr\":\"not a csr\"}").statusCode()).isEqualTo(400);
        assertThat(agent.post("/agent/v1/certificate", "{\"csr\":\"not a csr\"}").statusCode()).isEqualTo(400);
        assertThat(agent.post("/agent/v1/certificate", csr).statusCode()).isEqualTo(201);
        agent.useCertificate(List.of(issue(ca, agent.keys, computerID, 29), ca.certificate()));
        HttpResponse<String> fourth = agent.post("/agent/v1/certificate", csr);
        assertProblem(fourth, 429, "too-many-renewals");
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(RegistryStub.RENEWALS.stream().filter(r -> r.startsWith("/internal/computers/" + computerID + "/")))
                .hasSize(1);
    }

    private static X509Certificate issue(CertificateAuthority ca, KeyPair keys, long computerID, int daysLeft) {
        return ca.issue(keys.getPublic(), "c", CertificateNames.computer(computerID), List.of(),
                CertificateAuthority.newSerial(), Instant.now().plus(daysLeft, ChronoUnit.DAYS));
    }
}
