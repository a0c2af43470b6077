package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.gateway.activation.ActivationAdmission;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class ActivationTest {

    /** {@code %test.vigil.gateway.activation.max-concurrent} */
    private static final int MAX_CONCURRENT = 4;

    @Inject
    ActivationAdmission admission;

    @Test
    void activationSignsTheCsrWithTheComputerIdentityAndAnswersTheConfiguration() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        JsonNode answer = agent.activate("good-1", "web-01");

        List<X509Certificate> chain = agent.chain;
        assertThat(chain).hasSize(2);
        X509Certificate leaf = chain.getFirst();
        assertThat(chain.get(1)).isEqualTo(TestAgent.caCertificate());
        leaf.verify(TestAgent.caCertificate().getPublicKey());
        assertThat(CertificateNames.uris(leaf)).containsExactly("urn:vigil:computer:" + agent.computerID);
        assertThat(leaf.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(leaf.getPublicKey()).isEqualTo(agent.keys.getPublic());
        assertThat(answer.get("heartbeatIntervalSeconds").asLong()).isEqualTo(600);
        assertThat(answer.get("communicationsDirection").asText()).isEqualTo("Bidirectional");
        assertThat(answer.get("configFingerprint").asText())
                .isEqualTo(ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX);
        assertThat(answer.get("configuration").get("listeningPortAllowedSources").get(0).asText()).isEqualTo("any");

        JsonNode registered = RegistryStub.ACTIVATIONS.stream()
                .filter(a -> a.path("hostName").asText().equals("web-01")).findFirst().orElseThrow();
        assertThat(registered.get("certificateSerial").asText())
                .isEqualTo(CertificateAuthority.serialHex(leaf.getSerialNumber()));
        assertThat(registered.get("agentAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(registered.get("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(registered.get("listeningPort").asInt()).isEqualTo(4118);
        assertThat(registered.get("certificateExpiresAt").asText()).isEqualTo(leaf.getNotAfter().toInstant().toString());
    }

    @Test
    void malformedBodiesAndCsrsAre400NamingTheField() throws Exception {
        TestAgent agent = fromOwnAddress("127.0.0.3");
        HttpResponse<String> missing = agent.post("/agent/v1/activation", "{\"token\":\"good\",\"listeningPort\":0}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(names(missing)).contains("hostName", "platform", "agentVersion", "csr", "listeningPort");

        String badCsr = agent.activationBody("good", "web-02").replaceAll("\"csr\":\"[^\"]*\"",
                "\"csr\":\"-----BEGIN CERTIFICATE REQUEST-----\\nAAAA\\n-----END CERTIFICATE REQUEST-----\"");
        assertThat(names(agent.post("/agent/v1/activation", badCsr))).containsExactly("csr");

        String badType = agent.activationBody("good", "web-02").replace("\"physical\"", "\"toaster\"");
        assertThat(names(agent.post("/agent/v1/activation", badType))).containsExactly("computerType");
        assertThat(agent.post("/agent/v1/activation", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void registryRefusalsPassThrough() throws Exception {
        TestAgent agent = fromOwnAddress("127.0.0.4");
        HttpResponse<String> expired = agent.post("/agent/v1/activation", agent.activationBody("expired", "web-03"));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("expired");
        HttpResponse<String> duplicate = agent.post("/agent/v1/activation", agent.activationBody("duplicate", "web-03"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void failedActivationsAreRateLimitedPerSourceAddress() throws Exception {
        // a source address of its own so that other tests' activations from 127.0.0.1 are not affected
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        HttpClient from2 = TestAgent.client(null, agent.keys, InetAddress.getByName("127.0.0.2"));
        for (int i = 0; i < 5; i++) {
            assertThat(agent.post(from2, "/agent/v1/activation", agent.activationBody("expired", "h")).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> limited = agent.post(from2, "/agent/v1/activation", agent.activationBody("good", "h"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        // another address is not affected
        assertThat(agent.post("/agent/v1/activation", agent.activationBody("good-2", "web-04")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void theSameActivationAskedAgainGetsTheSameAnswerWithoutASecondRegistration() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        String body = agent.activationBody("good-again", "web-05");
        HttpResponse<String> first = agent.post("/agent/v1/activation", body);
        HttpResponse<String> again = agent.post("/agent/v1/activation", body);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(TestAgent.read(again.body())).isEqualTo(TestAgent.read(first.body()));
        assertThat(RegistryStub.ACTIVATIONS.stream().filter(a -> a.path("hostName").asText().equals("web-05")))
                .as("registrations").hasSize(1);
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndNeverCountsAgainstTheAddress() throws Exception {
        TestAgent agent = fromOwnAddress("127.0.0.5");
        List<ActivationAdmission.Ticket> held = new java.util.ArrayList<>();
        try {
            while (admission.running() < MAX_CONCURRENT) {
                held.add(admission.enter());
            }
            for (int i = 0; i < 6; i++) { // more than max-failures (5): none of them counts
                HttpResponse<String> busy = agent.post("/agent/v1/activation", agent.activationBody("good-q", "q-1"));
                assertThat(busy.statusCode()).isEqualTo(503);
                assertThat(busy.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(TestAgent.read(busy.body()).get("type").asText()).endsWith("/activation-queue-full");
                assertThat(busy.headers().firstValue("Retry-After")).hasValueSatisfying(
                        v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L));
            }
        } finally {
            held.forEach(ActivationAdmission.Ticket::close);
        }
        assertThat(agent.post("/agent/v1/activation", agent.activationBody("good-q", "q-1")).statusCode())
                .as("the queue has room again and the address is not locked out").isEqualTo(201);
    }

    /** Failed activations count per source address: each failing test uses its own, so other tests are unaffected. */
    private static TestAgent fromOwnAddress(String address) throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.client = TestAgent.client(null, agent.keys, InetAddress.getByName(address));
        return agent;
    }

    private static List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return TestAgent.read(response.body()).get("invalidParams").findValuesAsText("name");
    }
}
