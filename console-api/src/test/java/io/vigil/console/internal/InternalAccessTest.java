package io.vigil.console.internal;

import io.vigil.console.internal.InternalAccess.Verdict;
import io.vigil.testkit.TestPki;
import io.vigil.tls.CertificateNames;
import io.vigil.tls.service.PemFiles;
import io.vigil.tls.service.ServiceIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalAccessTest {

    @TempDir
    static Path dir;
    static TestPki pki;
    private final InternalAccess registry = new InternalAccess(Set.of(ServiceIdentity.HEARTBEAT_GATEWAY));

    @BeforeAll
    static void issue() {
        pki = TestPki.create(dir, "test CA");
    }

    private static Optional<X509Certificate> cert(String name, String uri) {
        return Optional.of(PemFiles.certificates(pki.issue(name, uri)).getFirst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api", "/api/computers", "/api/computers/1/settings", "/q/health/ready", "/q/metrics"})
    void theConsolePortServesApiAndQ(String path) {
        assertThat(registry.decide(path, false, Optional.empty())).isEqualTo(Verdict.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/internal/activations", "/internal/computers/1/certificate", "/internal", "/",
            "/apix", "/qx", "/Internal/activations", "/x/internal/activations"})
    void theConsolePortServesNothingElse(String path) {
        assertThat(registry.decide(path, false, Optional.empty())).isEqualTo(Verdict.NOT_FOUND);
        assertThat(registry.decide(path, false, cert("gw-" + path.length(),
                ServiceIdentity.uri(ServiceIdentity.HEARTBEAT_GATEWAY)))).isEqualTo(Verdict.NOT_FOUND);
    }

    @Test
    void theInternalPortServesOnlyInternalAndOnlyToTheAllowedService() {
        Optional<X509Certificate> gateway = cert("gateway", ServiceIdentity.uri(ServiceIdentity.HEARTBEAT_GATEWAY));
        assertThat(registry.decide("/internal/activations", true, gateway)).isEqualTo(Verdict.PASS);
        assertThat(registry.decide("/internal", true, gateway)).isEqualTo(Verdict.PASS);
        assertThat(registry.decide("/api/computers", true, gateway)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(registry.decide("/q/health", true, gateway)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(registry.decide("/internalx", true, gateway)).isEqualTo(Verdict.NOT_FOUND);
        assertThat(registry.decide("/internal/activations", true, Optional.empty()))
                .isEqualTo(Verdict.UNAUTHENTICATED);
    }

    @Test
    void everyOtherIdentityIsForbidden() {
        String path = "/internal/computers/1/certificate";
        assertThat(registry.decide(path, true, cert("policy", ServiceIdentity.uri(ServiceIdentity.POLICY_SERVICE))))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(registry.decide(path, true, cert("agent", CertificateNames.computer(1))))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(registry.decide(path, true, cert("manager", CertificateNames.MANAGER)))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(registry.decide(path, true, cert("odd", "urn:vigil:service:Heartbeat-Gateway")))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(registry.decide(path, true, cert("prefix", "urn:vigil:service:heartbeat-gateway-2")))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void callerNamesAreChecked() {
        assertThatThrownBy(() -> new InternalAccess(Set.of("Heartbeat Gateway")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new InternalAccess(Set.of()).decide("/internal/x", true,
                cert("gw2", ServiceIdentity.uri(ServiceIdentity.HEARTBEAT_GATEWAY)))).isEqualTo(Verdict.FORBIDDEN);
    }
}
