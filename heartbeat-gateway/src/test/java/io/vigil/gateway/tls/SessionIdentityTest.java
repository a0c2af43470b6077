package io.vigil.gateway.tls;

import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificate of a TLS session is read once: every later request on the session gets the same identity. */
class SessionIdentityTest {

    @TempDir
    static Path caDir;
    static CertificateAuthority ca;

    @BeforeAll
    static void ca() throws Exception {
        new CaDirectory(caDir).initialise();
        ca = new CaDirectory(caDir).load();
    }

    @Test
    void theCertificateIsReadOncePerSessionAndNamesItsComputer() throws Exception {
        BigInteger serial = CertificateAuthority.newSerial();
        Instant notAfter = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        FakeSession session = new FakeSession(issue(CertificateNames.computer(42), serial, notAfter));

        SessionIdentity first = SessionIdentity.of(session.proxy());
        SessionIdentity second = SessionIdentity.of(session.proxy());

        assertThat(first.computerID()).isEqualTo(42);
        assertThat(first.serialHex()).isEqualTo(CertificateAuthority.serialHex(serial));
        assertThat(first.notAfter()).isEqualTo(notAfter);
        assertThat(first.protocol()).isEqualTo("TLSv1.3");
        assertThat(first.cipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
        assertThat(second).isSameAs(first);
        assertThat(session.certificateReads).hasValue(1);
    }

    @Test
    void aCertificateNamingNoComputerIsKnownAsSuch() throws Exception {
        FakeSession session = new FakeSession(issue("urn:example:not-a-computer", CertificateAuthority.newSerial(),
                Instant.now().plus(1, ChronoUnit.DAYS)));
        assertThat(SessionIdentity.of(session.proxy()).computerID()).isEqualTo(SessionIdentity.NO_COMPUTER);
    }

    @Test
    void aSessionWithoutClientCertificateHasNoIdentityAndIsAskedAgain() {
        FakeSession session = new FakeSession(null);
        assertThat(SessionIdentity.of(session.proxy())).isNull();
        assertThat(SessionIdentity.of(session.proxy())).isNull();
        assertThat(session.certificateReads).hasValue(2);
    }

    private static X509Certificate issue(String uri, BigInteger serial, Instant notAfter) throws Exception {
        return ca.issue(CertificateAuthority.rsaKeyPair(2048).getPublic(), "computer", uri, List.of(), serial,
                notAfter);
    }

    /** An SSLSession with values and a peer certificate (or none), counting the reads of the certificate. */
    private static final class FakeSession {
        final AtomicInteger certificateReads = new AtomicInteger();
        private final Map<String, Object> values = new HashMap<>();
        private final X509Certificate peer;

        FakeSession(X509Certificate peer) {
            this.peer = peer;
        }

        SSLSession proxy() {
            return (SSLSession) Proxy.newProxyInstance(SSLSession.class.getClassLoader(),
                    new Class<?>[] {SSLSession.class}, (p, method, args) -> switch (method.getName()) {
                        case "getValue" -> values.get((String) args[0]);
                        case "putValue" -> values.put((String) args[0], args[1]);
                        case "getProtocol" -> "TLSv1.3";
                        case "getCipherSuite" -> "TLS_AES_128_GCM_SHA256";
                        case "getPeerCertificates" -> {
                            certificateReads.incrementAndGet();
                            if (peer == null) {
                                throw new SSLPeerUnverifiedException("no client certificate");
                            }
                            yield new Certificate[] {peer, ca.certificate()};
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
