package io.vigil.testkit.secured;

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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/**
 * A test certificate authority and one server certificate it signed for {@code 127.0.0.1} and {@code localhost}, used by
 * the secured Kafka listener and PostgreSQL. Written once into a directory and reused while the files exist:
 * {@code ca.pem} (what clients trust), {@code server.pem} (certificate then CA), {@code server.key} (PKCS#8, mode 0600)
 * and {@code server.p12} (the same key and chain as a PKCS12 key store, password {@link #storePassword()}).
 */
public final class TestCa {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    private final Path dir;
    private final String storePassword;

    private TestCa(Path dir, String storePassword) {
        this.dir = dir;
        this.storePassword = storePassword;
    }

    /** The CA of {@code dir}, created there first if {@code ca.pem} is missing. */
    public static TestCa in(Path dir, String storePassword) {
        TestCa ca = new TestCa(dir, storePassword);
        if (!Files.exists(ca.caCertificate())) {
            ca.create();
        }
        return ca;
    }

    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    public Path serverChain() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    public String storePassword() {
        return storePassword;
    }

    private void create() {
        try {
            Files.createDirectories(dir);
            KeyPair caKeys = ecKeyPair();
            X500Name caName = new X500Name("CN=Vigil test CA");
            X509Certificate ca = sign(caName, caName, caKeys, caKeys.getPrivate(), true);
            KeyPair serverKeys = ecKeyPair();
            X509Certificate server = sign(caName, new X500Name("CN=localhost"), serverKeys, caKeys.getPrivate(), false);
            Path key = serverKey();
            Files.deleteIfExists(key);
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, pem("PRIVATE KEY", serverKeys.getPrivate().getEncoded()));
            Files.writeString(serverChain(), pem("CERTIFICATE", server.getEncoded()) + pem("CERTIFICATE",
                    ca.getEncoded()));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", serverKeys.getPrivate(), storePassword.toCharArray(),
                    new Certificate[]{server, ca});
            try (OutputStream out = Files.newOutputStream(serverKeyStore())) {
                store.store(out, storePassword.toCharArray());
            }
            Files.writeString(caCertificate(), pem("CERTIFICATE", ca.getEncoded())); // last: marks the set complete
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the test CA to " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the test CA", e);
        }
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, KeyPair subjectKeys, PrivateKey issuerKey,
                                        boolean authority) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(825, ChronoUnit.DAYS)), subject,
                subjectKeys.getPublic());
        if (authority) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                            new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
