package io.vigil.agent.tls;

import io.vigil.tls.CertificateNames;
import io.vigil.agent.testing.TestPki;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

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

    @Test
    void refusesAManagerCertificateSignedByAnAgentCertificate() throws Exception {
        ManagerTrust trust = new ManagerTrust(pki.caSha256());
        TestPki.Identity agent = pki.issue(KeyMaterial.newKeyPair(), "urn:vigil:computer:8", Duration.ofDays(1));
        X509Certificate forged = signedBy(agent, CertificateNames.MANAGER);
        X509Certificate[] chain = {forged, agent.certificate(), pki.ca()};
        // the chain itself is sound (each certificate signed by the next, up to the pinned CA) ...
        forged.verify(agent.certificate().getPublicKey());
        assertThat(agent.certificate().getBasicConstraints()).isEqualTo(-1);

        // ... but an agent certificate (cA=false) is no CA: refused as a server and as a client certificate
        assertThatThrownBy(() -> trust.checkServerTrusted(chain, "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not a CA");
        assertThatThrownBy(() -> trust.checkClientTrusted(chain, "RSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not a CA");
        assertThat(trust.lastRejection()).contains("basicConstraints");
    }

    @Test
    void anIssuerMustBeACaWithKeyCertSignAndAPathLengthThatAllowsTheChain() throws Exception {
        X509Certificate caWithoutCertSign = certificate(new BasicConstraints(true),
                new KeyUsage(KeyUsage.digitalSignature));
        assertThatThrownBy(() -> ManagerTrust.checkIssuer(caWithoutCertSign, 0))
                .isInstanceOf(CertificateException.class).hasMessageContaining("keyCertSign");
        X509Certificate caPathZero = certificate(new BasicConstraints(0), new KeyUsage(KeyUsage.keyCertSign));
        ManagerTrust.checkIssuer(caPathZero, 0);
        assertThatThrownBy(() -> ManagerTrust.checkIssuer(caPathZero, 1))
                .isInstanceOf(CertificateException.class).hasMessageContaining("path length");
        ManagerTrust.checkIssuer(pki.ca(), 0);
    }

    /** A certificate naming {@code sanUri}, signed with the key of {@code issuer} (whatever kind it is). */
    private static X509Certificate signedBy(TestPki.Identity issuer, String sanUri) throws Exception {
        var keys = KeyMaterial.newKeyPair();
        var builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                BigInteger.valueOf(System.nanoTime()), Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), new X500Name("CN=forged-manager"), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, sanUri)));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuer.keyPair().getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** A self-signed certificate with the given constraints and key usage. */
    private static X509Certificate certificate(BasicConstraints constraints, KeyUsage usage) throws Exception {
        var keys = KeyMaterial.newKeyPair();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=issuer"), BigInteger.ONE,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plus(Duration.ofDays(1))),
                new X500Name("CN=issuer"), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, constraints);
        builder.addExtension(Extension.keyUsage, true, usage);
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
