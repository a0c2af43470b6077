package io.vigil.gateway.internal;

import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.ca.Pem;
import io.vigil.tls.service.PemFiles;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Service certificates of the platform CA ({@code urn:vigil:service:<name>}, client and server use): in memory for
 * the gateway itself, or as files {@code <name>.crt} and {@code <name>.key} (PKCS#8, mode 0600) for the other services.
 */
public final class ServiceCertificates {

    /** How long a service certificate is valid. */
    public static final Duration VALIDITY = Duration.ofDays(365);
    /** A file certificate is issued again when it expires within this, or was issued by another CA. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final CertificateAuthority ca;

    public ServiceCertificates(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** A new identity for {@code service}, valid {@link #VALIDITY}. */
    public ServiceTls issue(String service) {
        KeyPair pair = CertificateAuthority.rsaKeyPair(2048);
        X509Certificate certificate = ca.issue(pair.getPublic(), service, ServiceIdentity.uri(service), List.of(),
                CertificateAuthority.newSerial(), Instant.now().plus(VALIDITY).truncatedTo(ChronoUnit.SECONDS));
        return new ServiceTls(pair.getPrivate(), List.of(certificate, ca.certificate()), ca.certificate());
    }

    /**
     * Writes {@code <dir>/<service>.crt} and {@code .key} unless a certificate of this CA for this service is there and
     * valid for longer than {@link #RENEW_BEFORE}. Returns whether it wrote them.
     */
    public boolean write(Path dir, String service) {
        Path certificate = dir.resolve(service + ".crt");
        Path key = dir.resolve(service + ".key");
        if (current(certificate, key, service)) {
            return false;
        }
        ServiceTls tls = issue(service);
        try {
            Files.createDirectories(dir);
            writeSecret(key, PemFiles.encode(tls.key()));
            Files.writeString(certificate, Pem.chain(tls.chain()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate of " + service + " to " + dir, e);
        }
        return true;
    }

    private boolean current(Path certificate, Path key, String service) {
        if (!Files.isRegularFile(certificate) || !Files.isRegularFile(key)) {
            return false;
        }
        try {
            X509Certificate leaf = PemFiles.certificates(certificate).getFirst();
            leaf.verify(ca.certificate().getPublicKey());
            return ServiceIdentity.of(leaf).filter(service::equals).isPresent()
                    && leaf.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
        } catch (Exception unusable) {
            return false;
        }
    }

    /** Creates the file readable by its owner only before any byte of the key is written. */
    static void writeSecret(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
