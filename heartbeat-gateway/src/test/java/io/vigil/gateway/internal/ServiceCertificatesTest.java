package io.vigil.gateway.internal;

import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.service.PemFiles;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceCertificatesTest {

    private static final CertificateAuthority CA = CertificateAuthority.create("test CA");

    @TempDir
    Path dir;

    @Test
    void writesTheServiceIdentityWithAKeyOnlyItsOwnerReads() throws Exception {
        assertThat(new ServiceCertificates(CA).write(dir, "agent-registry")).isTrue();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent-registry.key"))))
                .isEqualTo("rw-------");
        ServiceTls tls = ServiceTls.load(dir.resolve("agent-registry.crt"), dir.resolve("agent-registry.key"),
                write("ca.crt", CA.certificate()));
        X509Certificate leaf = tls.chain().getFirst();
        leaf.verify(CA.certificate().getPublicKey());
        assertThat(ServiceIdentity.of(leaf)).contains("agent-registry");
        assertThat(leaf.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getNotAfter().toInstant()).isAfter(Instant.now().plus(ServiceCertificates.VALIDITY)
                .minusSeconds(3600));
        assertThat(tls.clientContext("policy-service")).isNotNull();
    }

    @Test
    void keepsACurrentCertificateAndReplacesOneOfAnotherCaOrService() throws Exception {
        ServiceCertificates issuer = new ServiceCertificates(CA);
        issuer.write(dir, "policy-service");
        byte[] first = Files.readAllBytes(dir.resolve("policy-service.crt"));
        assertThat(issuer.write(dir, "policy-service")).isFalse();
        assertThat(Files.readAllBytes(dir.resolve("policy-service.crt"))).isEqualTo(first);

        assertThat(new ServiceCertificates(CertificateAuthority.create("another CA")).write(dir, "policy-service"))
                .isTrue();
        Files.copy(dir.resolve("policy-service.crt"), dir.resolve("agent-registry.crt"));
        Files.copy(dir.resolve("policy-service.key"), dir.resolve("agent-registry.key"));
        assertThat(issuer.write(dir, "agent-registry")).isTrue();
        assertThat(ServiceIdentity.of(PemFiles.certificates(dir.resolve("agent-registry.crt")).getFirst()))
                .contains("agent-registry");
    }

    @Test
    void theCommandChecksItsArguments() {
        assertThatThrownBy(() -> IssueServiceCertificates.run(dir.toString(), dir.toString()))
                .hasMessageContaining("usage");
        assertThatThrownBy(() -> IssueServiceCertificates.run(dir.toString(), dir.toString(), "Bad Name"))
                .hasMessageContaining("service name");
    }

    private Path write(String name, X509Certificate certificate) throws Exception {
        return Files.writeString(dir.resolve(name), io.vigil.gateway.ca.Pem.encode(certificate));
    }
}
