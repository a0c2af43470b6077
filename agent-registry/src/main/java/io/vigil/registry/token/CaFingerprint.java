package io.vigil.registry.token;

import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.registry.config.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * {@code managerCaSha256}: SHA-256 (hex) of the platform CA certificate's DER form, read from
 * {@code vigil.registry.ca-certificate} at each use (the gateway's CA init may write it after the registry started).
 */
@ApplicationScoped
public class CaFingerprint {

    private static final Logger LOG = Logger.getLogger(CaFingerprint.class);

    private final RegistryConfig config;

    public CaFingerprint(RegistryConfig config) {
        this.config = config;
    }

    /** @throws ProblemException 503 when the CA certificate is missing or unreadable */
    public String sha256() {
        Path file = Path.of(config.caCertificate());
        try (InputStream in = Files.newInputStream(file)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return of(ca.getEncoded());
        } catch (NoSuchFileException e) {
            throw unavailable("the platform CA certificate does not exist yet (" + file + ")");
        } catch (IOException | CertificateException | ClassCastException e) {
            LOG.warnf("cannot read the platform CA certificate %s: %s", file, e.getMessage());
            throw unavailable("the platform CA certificate cannot be read");
        }
    }

    public static String of(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "ca-unavailable", "Platform CA unavailable", detail));
    }
}
