package io.vigil.testkit;

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
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/**
 * A throw-away CA for tests, shaped like the platform CA: it issues EC P-256 certificates for client and server use
 * naming one SAN URI ({@code urn:vigil:service:<name>}, {@code urn:vigil:computer:<ID>}, ...), written as PEM files
 * ({@code <name>.crt}, PKCS#8 {@code <name>.key}) beside {@code ca.crt}.
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(Path dir, String caName) {
        this.dir = dir;
        this.caKeys = ecKeys();
        X500Name name = new X500Name("CN=" + caName);
        this.ca = sign(new JcaX509v3CertificateBuilder(name, serial(), validFrom(), validTo(), name,
                caKeys.getPublic()), true, null, caKeys.getPrivate());
        write("ca.crt", pem("CERTIFICATE", encoded(ca)));
    }

    /** A new CA in {@code dir} (created if needed). */
    public static TestPki create(Path dir, String caName) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestPki(dir, caName);
    }

    public Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** Issues {@code <file>.crt} and {@code <file>.key} naming {@code sanUri}; returns the certificate file. */
    public Path issue(String file, String sanUri) {
        KeyPair keys = ecKeys();
        X509Certificate leaf = sign(new JcaX509v3CertificateBuilder(ca, serial(), validFrom(), validTo(),
                new X500Name("CN=" + file), keys.getPublic()), false, sanUri, caKeys.getPrivate());
        write(file + ".key", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        return write(file + ".crt", pem("CERTIFICATE", encoded(leaf)));
    }

    public Path key(String file) {
        return dir.resolve(file + ".key");
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, boolean authority, String sanUri,
                                        PrivateKey signer) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (authority) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                                new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                        .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, sanUri)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test certificate", e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(120, RANDOM).setBit(119);
    }

    private static Date validFrom() {
        return Date.from(Instant.now().minus(1, ChronoUnit.HOURS));
    }

    private static Date validTo() {
        return Date.from(Instant.now().plus(2, ChronoUnit.DAYS));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private Path write(String file, String content) {
        try {
            return Files.writeString(dir.resolve(file), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
