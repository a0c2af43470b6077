package io.vigil.agent.tls;

import io.vigil.tls.CertificateNames;
import io.vigil.agent.testing.TestPki;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagerTrustTest {

    private static TestPki pki;
    private static TestPki other;
    private static TestPki.Identity manager;

    @BeforeAll
    static void pkis() {
        pki = TestPki.create("Pinned CA");
        other = TestPki.create("Other CA");
        manager = pki.manager();
    }

    private static X509Certificate[] chain(TestPki.Identity identity) {
        return identity.chain().toArray(X509Certificate[]::new);
    }

    @Test
    void acceptsAManagerCertificateUnderThePinnedCaAndLearnsTheCa() throws Exception {
        ManagerTrust trust = new ManagerTrust(pki.caSha256().toUpperCase());

        trust.checkServerTrusted(chain(manager), "RSA");

        assertThat(trust.pinnedCa()).isEqualTo(pki.ca());
        assertThat(trust.getAcceptedIssuers()).containsExactly(pki.ca());
        trust.checkClientTrusted(new X509Certificate[]{manager.certificate()}, "RSA");
    }

    @Test
    void refusesAChainWithoutThePinnedCa() {
        ManagerTrust trust = new ManagerTrust(pki.caSha256());

        assertThatThrownBy(() -> trust.checkServerTrusted(chain(other.manager()), "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("pinned CA");
        assertThat(trust.lastRejection()).contains(pki.caSha256());
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[]{manager.certificate()}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void refusesACertificateFromAnotherCaEvenWithThePinnedCaAppended() {
        ManagerTrust trust = new ManagerTrust(pki.caSha256());
        X509Certificate[] forged = {other.manager().certificate(), pki.ca()};

        assertThatThrownBy(() -> trust.checkServerTrusted(forged, "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not issued by the pinned CA");
    }

    @Test
    void refusesACertificateThatDoesNotNameTheManager() {
        ManagerTrust trust = new ManagerTrust(pki.caSha256());
        TestPki.Identity agent = pki.issue(KeyMaterial.newKeyPair(), "urn:vigil:computer:7", Duration.ofDays(1));

        assertThatThrownBy(() -> trust.checkClientTrusted(chain(agent), "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("urn:vigil:manager");
    }

    @Test
    void refusesAnExpiredManagerCertificate() {
        ManagerTrust trust = new ManagerTrust(pki.caSha256());
        var keys = KeyMaterial.newKeyPair();
        X509Certificate expired = pki.build(new X500Name("CN=old"), keys.getPublic(), CertificateNames.MANAGER,
                Instant.now().minusSeconds(60), false, Duration.ZERO);

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[]{expired, pki.ca()}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void onlyThePinnedCaCanBeLearntAndPinsMustBeSha256() {
        ManagerTrust trust = new ManagerTrust(pki.caSha256());

        assertThatThrownBy(() -> trust.learnCa(other.ca())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagerTrust("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CaPin.normalisePin(pki.caSha256().replaceAll("(..)(?!$)", "$1:").toUpperCase()))
                .isEqualTo(pki.caSha256());
    }
}
