package io.vigil.gateway.contact;

import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.gateway.ca.TlsMaterial;
import io.vigil.gateway.contact.networks.AgentNetworks;
import io.vigil.gateway.support.ListeningAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manager's calls to agent ports against real TLS servers (no Quarkus, no Kafka). */
class AgentClientTest {

    private static final String FP = "sha256:" + "0".repeat(64);
    private static CertificateAuthority ca;
    private static CertificateAuthority foreign;
    private static ScheduledExecutorService watchdog;
    private static KeyStore keys;
    private static AgentClient client;
    private static volatile String peerProblem;

    @BeforeAll
    static void setUp() throws Exception {
        ca = CertificateAuthority.create("test platform CA");
        foreign = CertificateAuthority.create("foreign CA");
        watchdog = Executors.newSingleThreadScheduledExecutor();
        KeyPair manager = CertificateAuthority.rsaKeyPair(2048);
        X509Certificate managerCert = ca.issue(manager.getPublic(), "manager", CertificateNames.MANAGER, List.of(),
                CertificateAuthority.newSerial(), Instant.now().plus(1, ChronoUnit.DAYS));
        keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("manager", manager.getPrivate(), "in-memory".toCharArray(),
                new Certificate[]{managerCert, ca.certificate()});
        client = new AgentClient(TlsMaterial.keyManager(keys),
                TlsMaterial.trustManager(TlsMaterial.trustStore(ca.certificate())),
                AgentNetworks.of(List.of("127.0.0.0/8")), (id, certificate) -> peerProblem, watchdog);
    }

    @AfterAll
    static void tearDown() {
        watchdog.shutdownNow();
    }

    private static AgentClient.Answer call(long computerID, int port, String path) throws ContactException {
        return client.post(new AgentClient.Target(computerID, "127.0.0.1", port), path,
                "{}".getBytes(StandardCharsets.UTF_8), 3000);
    }

    @Test
    void callsTheAgentWithTheManagerCertificateOverModernTls() throws Exception {
        try (ListeningAgent agent = ListeningAgent.start(ca, 41, FP)) {
            AgentClient.Answer answer = call(41, agent.port(), AgentCalls.HEARTBEAT_REQUEST_PATH);
            assertThat(answer.response().status()).isEqualTo(200);
            assertThat(answer.response().text()).contains("\"configFingerprint\":\"" + FP + "\"");
            assertThat(answer.tlsProtocol()).isEqualTo("TLSv1.3");
            assertThat(answer.tlsCipherSuite()).startsWith("TLS_AES_");
            assertThat(agent.callers).containsExactly(List.of(CertificateNames.MANAGER));
        }
    }

    @Test
    void anAgentCertificateNamingAnotherComputerGetsNothing() {
        try (ListeningAgent agent = ListeningAgent.start(ca, 42, FP)) {
            assertThatThrownBy(() -> call(43, agent.port(), AgentCalls.HEARTBEAT_REQUEST_PATH))
                    .isInstanceOfSatisfying(ContactException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.CERTIFICATE_PROBLEM);
                        assertThat(e.getMessage()).contains("names computer 42, not computer 43");
                    });
            assertThat(agent.heartbeatRequests).hasValue(0);
            assertThat(agent.callers).isEmpty();
        }
    }

    @Test
    void aRevokedAgentCertificateGetsNothing() {
        try (ListeningAgent agent = ListeningAgent.start(ca, 44, FP)) {
            peerProblem = "certificate of computer 44 was superseded";
            assertThatThrownBy(() -> call(44, agent.port(), AgentCalls.HEARTBEAT_REQUEST_PATH))
                    .isInstanceOfSatisfying(ContactException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.CERTIFICATE_PROBLEM);
                        assertThat(e.getMessage()).contains("superseded");
                    });
            assertThat(agent.callers).isEmpty();
        } finally {
            peerProblem = null;
        }
    }

    @Test
    void aCertificateFromAnotherCaIsACertificateProblem() {
        try (ListeningAgent agent = ListeningAgent.start(foreign, ca.certificate(), 45, FP)) {
            assertThatThrownBy(() -> call(45, agent.port(), AgentCalls.HEARTBEAT_REQUEST_PATH))
                    .isInstanceOfSatisfying(ContactException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.CERTIFICATE_PROBLEM));
            assertThat(agent.callers).isEmpty();
        }
    }

    @Test
    void anAgentThatRefusesTheManagerIsATlsFailure() {
        try (ListeningAgent agent = ListeningAgent.start(ca, foreign.certificate(), 46, FP)) {
            assertThatThrownBy(() -> call(46, agent.port(), AgentCalls.HEARTBEAT_REQUEST_PATH))
                    .isInstanceOfSatisfying(ContactException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.TLS_FAILURE));
            assertThat(agent.callers).isEmpty();
        }
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> call(47, port, AgentCalls.HEARTBEAT_REQUEST_PATH))
                .isInstanceOfSatisfying(ContactException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.REFUSED));
    }

    @Test
    void aSilentAgentTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket ignored = silent.accept()) {
                    ignored.getInputStream().readAllBytes(); // never answers; ends when the manager gives up
                } catch (IOException e) {
                    // closed by the test
                }
            });
            assertThatThrownBy(() -> client.post(new AgentClient.Target(48, "127.0.0.1", silent.getLocalPort()),
                    AgentCalls.HEARTBEAT_REQUEST_PATH, new byte[0], 500))
                    .isInstanceOfSatisfying(ContactException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
            acceptor.interrupt();
        }
    }

    @Test
    void pushesAreAnsweredWithTheAgentsVerdict() throws Exception {
        try (ListeningAgent agent = ListeningAgent.start(ca, 49, FP)) {
            agent.refusal = "unsupported setting";
            AgentClient.Answer answer = client.post(new AgentClient.Target(49, "127.0.0.1", agent.port()),
                    AgentCalls.CONFIGURATION_PATH, "{\"configFingerprint\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                    3000);
            assertThat(answer.response().text()).contains("\"failed\"").contains("unsupported setting");
            assertThat(agent.configurations).hasSize(1);
        }
    }

    @Test
    void anAddressOutsideTheAgentNetworksIsNeverConnectedTo() throws Exception {
        AgentClient defaults = new AgentClient(TlsMaterial.keyManager(keys),
                TlsMaterial.trustManager(TlsMaterial.trustStore(ca.certificate())),
                AgentNetworks.of(List.of("0.0.0.0/0", "::/0")), (id, certificate) -> null, watchdog);
        try (ServerSocket agent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> defaults.post(new AgentClient.Target(50, "127.0.0.1", agent.getLocalPort()),
                    AgentCalls.CONFIGURATION_PATH, "{}".getBytes(StandardCharsets.UTF_8), 3000))
                    .isInstanceOfSatisfying(ContactException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.ADDRESS_NOT_ALLOWED);
                        assertThat(e.getMessage()).contains("127.0.0.1 is a loopback address")
                                .contains("vigil.gateway.agents.networks");
                    });
            assertThatThrownBy(() -> defaults.post(new AgentClient.Target(50, "169.254.169.254", 80),
                    AgentCalls.CONFIGURATION_PATH, "{}".getBytes(StandardCharsets.UTF_8), 3000))
                    .isInstanceOfSatisfying(ContactException.class, e -> assertThat(e.getMessage())
                            .contains("the cloud metadata address"));
            agent.setSoTimeout(1);
            // the check runs before connecting: had a connection been made, it would already wait in the backlog
            assertThatThrownBy(agent::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }
}
