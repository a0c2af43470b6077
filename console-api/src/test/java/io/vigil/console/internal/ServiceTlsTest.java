package io.vigil.console.internal;

import io.vigil.testkit.TestPki;
import io.vigil.tls.CertificateNames;
import io.vigil.tls.service.PemFiles;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real TLS 1.3 handshakes between service identities: each side proves the service the other expects. */
class ServiceTlsTest {

    @TempDir
    static Path dir;
    static TestPki pki;

    @BeforeAll
    static void issue() {
        pki = TestPki.create(dir, "test CA");
        pki.issue("policy-service", ServiceIdentity.uri("policy-service"));
        pki.issue("agent-registry", ServiceIdentity.uri("agent-registry"));
        pki.issue("computer-3", CertificateNames.computer(3));
    }

    private static ServiceTls identity(String name) {
        return ServiceTls.load(dir.resolve(name + ".crt"), pki.key(name), pki.caCertificate());
    }

    /** Server {@code server} expecting client {@code clientExpected}; the client expects {@code serverExpected}. */
    private static String handshake(String server, String client, String serverExpected, String clientExpected)
            throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) identity(server).clientContext(clientExpected)
                .getServerSocketFactory().createServerSocket(0)) {
            listener.setNeedClientAuth(true);
            CompletableFuture<String> accepted = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.startHandshake();
                    return ServiceIdentity.of((java.security.cert.X509Certificate)
                            socket.getSession().getPeerCertificates()[0]).orElseThrow();
                } catch (IOException e) {
                    return "refused";
                }
            });
            try (SSLSocket socket = (SSLSocket) identity(client).clientContext(serverExpected).getSocketFactory()
                    .createSocket("127.0.0.1", listener.getLocalPort())) {
                socket.setSSLParameters(ServiceTls.clientParameters());
                socket.startHandshake();
                socket.getOutputStream().write(1);
                assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            }
            return accepted.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void bothSidesProveTheExpectedServices() throws Exception {
        assertThat(handshake("policy-service", "agent-registry", "policy-service", "agent-registry"))
                .isEqualTo("agent-registry");
    }

    @Test
    void aClientRefusesAServerOfAnotherIdentity() {
        assertThatThrownBy(() -> handshake("computer-3", "agent-registry", "policy-service", "agent-registry"))
                .isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> handshake("agent-registry", "agent-registry", "policy-service", "agent-registry"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void aServerRefusesAClientOfAnotherIdentity() throws Exception {
        String seen;
        try {
            seen = handshake("policy-service", "computer-3", "policy-service", "agent-registry");
        } catch (IOException clientSawTheRefusal) {
            seen = "refused";
        }
        assertThat(seen).isEqualTo("refused");
    }

    @Test
    void keysRoundTripAsPkcs8() throws Exception {
        ServiceTls tls = identity("agent-registry");
        Path copy = Files.writeString(dir.resolve("copy.key"), PemFiles.encode(tls.key()));
        assertThat(PemFiles.privateKey(copy).getEncoded()).isEqualTo(tls.key().getEncoded());
        assertThat(tls.service()).isEqualTo("agent-registry");
        assertThatThrownBy(() -> PemFiles.privateKey(dir.resolve("ca.crt"))).hasMessageContaining("PKCS#8");
        assertThatThrownBy(() -> PemFiles.certificates(copy)).isInstanceOf(IllegalArgumentException.class);
    }
}
