package io.vigil.system;

import io.vigil.agent.ReferenceAgent;
import io.vigil.tls.service.ServiceTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The forged internal call, across the real processes: an unauthenticated certificate change for a computer (what locked
 * an agent out) is refused on every port of agent-registry, also with another service's certificate of the platform
 * CA, and the agent keeps beating. The real flows keep working through the authenticated internal ports: a token for a
 * custom policy (agent-registry asks policy-service) and an activation (the gateway asks agent-registry).
 */
class InternalCallsSystemTest {

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);
    private ReferenceAgent agent;

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void forgedCertificateChangesAreRefusedAndTheAgentKeepsBeating() throws Exception {
        long policyID = console.createPolicy("internal-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "3 Seconds",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        agent = console.activateAgent(policyID, "internal-01"); // token: registry -> policy-service; activation
        long id = agent.computerID();
        console.registry().get("/api/computers/" + id).then().statusCode(200).body("policyID", equalTo((int) policyID));
        String forged = "{\"certificateSerial\":\"0A:0B\",\"certificateExpiresAt\":\"2030-01-01T00:00:00Z\"}";
        String path = "/internal/computers/" + id + "/certificate";

        assertThat(post(HttpClient.newHttpClient(), platform.url(platform.registryPort) + path, forged))
                .as("console port").isEqualTo(404);
        String internal = "https://127.0.0.1:" + platform.registryInternalPort + path;
        assertThat(post(anonymous(), internal, forged)).as("internal port, no certificate").isEqualTo(401);
        platform.issueServiceCertificates("alert-service");
        assertThat(post(as("alert-service"), internal, forged)).as("another service's certificate").isEqualTo(403);
        assertThat(post(as("policy-service"), internal, forged)).as("policy-service's certificate").isEqualTo(403);
        assertThat(post(HttpClient.newHttpClient(), platform.url(platform.policyPort) + "/internal/policies/1", null))
                .as("policy-service console port").isEqualTo(404);
        assertThat(post(as("agent-registry"), "https://127.0.0.1:" + platform.policyInternalPort
                + "/internal/policies/1", null)).as("agent-registry may look up policies").isEqualTo(200);

        long accepted = agent.acceptedHeartbeats();
        await("the agent keeps beating").atMost(Duration.ofSeconds(60))
                .until(() -> agent.acceptedHeartbeats() >= accepted + 2);
        assertThat(agent.lastStatus()).isEqualTo(200);
    }

    /** Answers the status of a POST ({@code body}) or a GET ({@code body == null}). */
    private static int post(HttpClient client, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A client presenting the service certificate the gateway issued as {@code service}. */
    private HttpClient as(String service) {
        Path dir = platform.serviceCertificates();
        ServiceTls tls = ServiceTls.load(dir.resolve(service + ".crt"), dir.resolve(service + ".key"),
                platform.caCertificate());
        String server = service.equals("agent-registry") ? "policy-service" : "agent-registry";
        return HttpClient.newBuilder().sslContext(tls.clientContext(server))
                .sslParameters(ServiceTls.clientParameters()).build();
    }

    /** A client without a certificate that accepts any server (it only wants to be refused). */
    private static HttpClient anonymous() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[]{new AnyServer()}, null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    /** Trusts every server, without host-name verification (an extended trust manager is not wrapped by JSSE). */
    private static final class AnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
