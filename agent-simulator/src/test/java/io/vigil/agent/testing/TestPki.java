package io.vigil.agent.testing;

import io.vigil.tls.CertificateNames;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vigil.agent.tls.CaPin;
import io.vigil.agent.tls.KeyMaterial;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A small CA for tests, made with BouncyCastle: manager and agent certificates with the contract's roles. */
public final class TestPki {

    /** A key pair with its certificate chain (leaf first, then the CA). */
    public record Identity(KeyPair keyPair, List<X509Certificate> chain) {
        public X509Certificate certificate() {
            return chain.getFirst();
        }

        public KeyCertOptions keyCertOptions() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("key", keyPair.getPrivate(), new char[0], chain.toArray(X509Certificate[]::new));
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, new char[0]);
                return KeyCertOptions.wrap(factory);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(String name) {
        caKeys = KeyMaterial.newKeyPair();
        ca = build(new X500Name("CN=" + name), caKeys.getPublic(), null, null, true, Duration.ofDays(3650));
    }

    public static TestPki create(String name) {
        return new TestPki(name);
    }

    public X509Certificate ca() {
        return ca;
    }

    public String caSha256() {
        return CaPin.sha256(ca);
    }

    public Identity manager() {
        return issue(KeyMaterial.newKeyPair(), CertificateNames.MANAGER, Duration.ofDays(30));
    }

    public Identity issue(KeyPair keys, String sanUri, Duration validity) {
        X509Certificate leaf = build(new X500Name("CN=" + sanUri.replace(':', '-')), keys.getPublic(), sanUri, null,
                false, validity);
        return new Identity(keys, List.of(leaf, ca));
    }

    /** Signs an agent's CSR: the leaf names the computer; returns the PEM chain (leaf, then the CA). */
    public String signCsr(String csrPem, long computerID) {
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            var request = new JcaPKCS10CertificationRequest((PKCS10CertificationRequest) parser.readObject());
            X509Certificate leaf = build(new X500Name("CN=computer-" + computerID), request.getPublicKey(),
                    CertificateNames.COMPUTER_PREFIX + computerID, null, false, Duration.ofDays(365));
            return pem(leaf) + pem(ca);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad CSR: " + e.getMessage(), e);
        }
    }

    public TrustOptions trustOptions() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return TrustOptions.wrap(factory);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'})
                    .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate; {@code notAfterOverride} (if set) makes an expired one. */
    public X509Certificate build(X500Name subject, PublicKey key, String sanUri, Instant notAfterOverride,
                                 boolean isCa, Duration validity) {
        try {
            Instant now = Instant.now();
            Instant notAfter = notAfterOverride != null ? notAfterOverride : now.plus(validity);
            X500Name issuer = isCa ? subject : X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), java.util.Date.from(now.minusSeconds(3600)),
                    java.util.Date.from(notAfter), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (isCa) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, sanUri)));
            }
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
