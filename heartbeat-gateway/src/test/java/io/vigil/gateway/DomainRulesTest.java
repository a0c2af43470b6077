package io.vigil.gateway;

import io.vigil.console.ProblemException;
import io.vigil.events.EventJson;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.gateway.activation.ActivationRequests;
import io.vigil.gateway.activation.FailureLimiter;
import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.gateway.heartbeat.BodySize;
import io.vigil.gateway.heartbeat.HeartbeatValidator;
import io.vigil.gateway.operations.FailureMemory;
import io.vigil.gateway.operations.Operation;
import io.vigil.gateway.operations.PendingOperations;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.gateway.state.ExpectedConfiguration;
import io.vigil.gateway.support.TestAgent;
import io.vigil.gateway.tls.JvmTlsSettings;
import io.vigil.gateway.tls.TlsModeCheck;
import io.vigil.tls.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain unit tests of the gateway's domain rules (no Quarkus). */
class DomainRulesTest {

    private static final String JDK25 = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA, DH keySize < 1024, "
            + "EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, TLS_RSA_*, rsa_pkcs1_sha1 usage HandshakeSignature";

    @Test
    void theCaIsCreatedOnceEvenWhenManyStartTogether(@TempDir Path dir) throws Exception {
        CaDirectory ca = new CaDirectory(dir.resolve("ca"));
        List<Callable<Boolean>> starts = java.util.Collections.nCopies(4, ca::initialise);
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Boolean> created = pool.invokeAll(starts).stream().map(DomainRulesTest::get).toList();
            assertThat(created).containsOnlyOnce(true);
        }
        String first = Files.readString(dir.resolve("ca/ca.crt"));
        assertThat(ca.initialise()).isFalse();
        assertThat(Files.readString(dir.resolve("ca/ca.crt"))).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dir.resolve("ca/ca.key")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        CertificateAuthority loaded = ca.load();
        assertThat(loaded.certificate().getBasicConstraints()).isZero();
    }

    @Test
    void aMissingCaIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> new CaDirectory(dir).load()).hasMessageContaining("init-ca");
    }

    @Test
    void jvmSettingsLiftExactlyWhatEachModeNeeds() {
        assertThat(JvmTlsSettings.lifted(TlsMode.LEGACY, JDK25)).contains("SSLv3, TLSv1.1,")
                .doesNotContain("TLSv1,").doesNotContain("3DES_EDE_CBC").doesNotContain("TLS_RSA_*");
        assertThat(JvmTlsSettings.lifted(TlsMode.DEFAULT, JDK25)).contains("TLSv1,", "3DES_EDE_CBC")
                .doesNotContain("TLS_RSA_*");
        assertThat(JvmTlsSettings.lifted(TlsMode.FIPS, JDK25)).contains("TLSv1,", "3DES_EDE_CBC")
                .doesNotContain("TLS_RSA_*");
        assertThat(JvmTlsSettings.lifted(TlsMode.STRONG, JDK25)).isEqualTo(JDK25);
        assertThat(JvmTlsSettings.blocking(TlsMode.STRONG, JDK25)).isEmpty();
        assertThat(JvmTlsSettings.blocking(TlsMode.LEGACY, JDK25))
                .containsExactly("TLSv1", "3DES_EDE_CBC", "TLS_RSA_*");
    }

    @Test
    void unknownSuitesAndUnliftedDefaultsRefuseStart() {
        Set<String> protocols = Set.of("TLSv1.3", "TLSv1.2");
        Set<String> suites = Set.copyOf(TlsMode.STRONG.cipherSuites());
        assertThat(TlsModeCheck.problems(TlsMode.STRONG, TlsMode.STRONG.protocols(), TlsMode.STRONG.cipherSuites(),
                protocols, suites, JDK25)).isEmpty();
        assertThat(TlsModeCheck.problems(TlsMode.STRONG, List.of("TLSv1.2"), List.of("TLS_ECDHE_RSA_WITH_AES_999"),
                protocols, suites, JDK25)).containsExactly("unknown cipher suite 'TLS_ECDHE_RSA_WITH_AES_999'");
        assertThat(TlsModeCheck.problems(TlsMode.DEFAULT, TlsMode.DEFAULT.protocols(),
                TlsMode.DEFAULT.cipherSuites(), protocols, suites, JDK25)).singleElement().asString()
                .contains("[TLS_RSA_*]", "VIGIL_GATEWAY_TLS_MODE").doesNotContain("-D");
    }

    @Test
    void failedActivationsAreLimitedPerAddressInASlidingWindow() {
        MutableClock clock = new MutableClock();
        FailureLimiter limiter = new FailureLimiter(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 2; i++) {
            limiter.failed("10.0.0.1");
        }
        assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
        limiter.failed("10.0.0.1");
        assertThat(limiter.retryAfterSeconds("10.0.0.1")).isEqualTo(60);
        assertThat(limiter.retryAfterSeconds("10.0.0.2")).isZero();
        clock.now = clock.now.plusSeconds(60);
        assertThat(limiter.retryAfterSeconds("10.0.0.1")).isZero();
    }

    @Test
    void activationDefaultsAndAddresses() {
        var body = TestAgent.read(new TestAgent(1).activationBody("t", "web-01").replace(",\"listeningPort\":4118", ""));
        var request = ActivationRequests.validate(body, "192.0.2.7");
        assertThat(request.listeningPort()).isEqualTo(4118);
        assertThat(request.agentAddress()).isEqualTo("192.0.2.7");
        assertThatThrownBy(() -> ActivationRequests.validate(TestAgent.read("{\"agentAddress\":\"999.1.1.1\"}"), "x"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().invalidParams())
                        .extracting(p -> p.name()).contains("agentAddress", "token", "hostName", "csr"));
    }

    @Test
    void bodySizesAreKeptDrainedOrClosedAtExactlyTheLimits() {
        assertThat(BodySize.of(0)).isEqualTo(BodySize.Verdict.KEEP);
        assertThat(BodySize.of(1_048_576)).isEqualTo(BodySize.Verdict.KEEP);
        assertThat(BodySize.of(1_048_577)).isEqualTo(BodySize.Verdict.DRAIN);
        assertThat(BodySize.of(33_554_432)).isEqualTo(BodySize.Verdict.DRAIN);
        assertThat(BodySize.of(33_554_433)).isEqualTo(BodySize.Verdict.CLOSE);
        assertThat(BodySize.of(Long.MAX_VALUE)).isEqualTo(BodySize.Verdict.CLOSE);
        // an unusable Content-Length is left to the HTTP layer
        assertThat(BodySize.of(-1)).isEqualTo(BodySize.Verdict.KEEP);
        assertThat(BodySize.lingerUsedUp(1_048_576)).isFalse();
        assertThat(BodySize.lingerUsedUp(1_048_577)).isTrue();
    }

    @Test
    void heartbeatValidationAcceptsTheContractExampleAndIgnoresUnknownMembers() {
        String example = "{\"agentVersion\":\"20.0.1-3445\",\"agentTime\":\"2026-11-25T10:00:00.123+01:00\","
                + "\"driverStatus\":\"Offline\",\"configFingerprint\":\"sha256:" + "a".repeat(64) + "\","
                + "\"events\":[{\"eventID\":5004,\"time\":\"2026-11-25T09:59:01Z\",\"data\":{\"changeSeconds\":-30}}],"
                + "\"operationResults\":[{\"operationID\":17,\"status\":\"applied\"}],\"listeningPort\":4118,\"x\":1}";
        var heartbeat = HeartbeatValidator.validate(TestAgent.read(example));
        assertThat(heartbeat.events()).singleElement().satisfies(e -> assertThat(e.eventID()).isEqualTo(5004));
        assertThat(heartbeat.operationResults()).singleElement().satisfies(r -> assertThat(r.failed()).isFalse());
        assertThatThrownBy(() -> HeartbeatValidator.validate(TestAgent.read(example.replace("Offline", "offline"))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().invalidParams())
                        .extracting(p -> p.name()).containsExactly("driverStatus"));
    }

    @Test
    void revocationFollowsTheRegistryAndLocallyIssuedSerials() {
        ComputerDirectory directory = new ComputerDirectory();
        assertThat(directory.access(5, "aa").allowed()).as("unknown computer").isTrue();
        Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
        directory.registration(5, registration(5, "activated", "aa", t0));
        assertThat(directory.access(5, "aa").allowed()).isTrue();
        assertThat(directory.access(5, "bb").allowed()).as("superseded").isFalse();
        directory.issued(5, "bb", t0.plusSeconds(10));
        assertThat(directory.access(5, "bb").allowed()).as("issued here, registry not caught up").isTrue();
        directory.registration(5, registration(5, "activated", "bb", t0.plusSeconds(11)));
        assertThat(directory.access(5, "aa").allowed()).isFalse();
        directory.registration(5, registration(5, "deactivated", "bb", t0.plusSeconds(20)));
        assertThat(directory.access(5, "bb").allowed()).isFalse();
        assertThat(directory.access(5, "bb").reason()).contains("deactivated");
    }

    @Test
    void expectedConfigurationComesFromTheComputerElseItsPolicyElseDefaults() {
        ComputerDirectory directory = new ComputerDirectory();
        assertThat(directory.expected(8)).isEqualTo(ExpectedConfiguration.DEFAULTS);
        AgentConfiguration own = new AgentConfiguration(60, "Manager Initiated", null, List.of("any"));
        directory.computerConfiguration(8, new ComputerConfiguration(8, 1, Map.of(), own, null, 60, 2, null, false,
                Instant.now()));
        assertThat(directory.expected(8).configuration()).isEqualTo(own);
        assertThat(directory.expected(8).source()).isEqualTo("computer");
    }

    @Test
    void operationsAreDeterministicAndAFailureIsNotResentUntilTheWorkChanges() {
        FailureMemory failures = new FailureMemory();
        PendingOperations operations = new PendingOperations(Duration.ofDays(30), failures);
        ExpectedConfiguration expected = ExpectedConfiguration.DEFAULTS;
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Instant farExpiry = now.plus(200, ChronoUnit.DAYS);
        assertThat(operations.pending(1, expected.fingerprint(), expected, "aa", farExpiry, now)).isEmpty();
        List<Operation> drift = operations.pending(1, "sha256:00", expected, "aa", farExpiry, now);
        assertThat(drift).singleElement().satisfies(o -> {
            assertThat(o.type()).isEqualTo(Operation.UPDATE_CONFIGURATION);
            assertThat(o.operationID()).isEqualTo(PendingOperations.updateId(expected.fingerprint()))
                    .isLessThan(1L << 53).isPositive();
        });
        failures.record(1, List.of(new FailureMemory.Outcome(drift.getFirst().operationID(), true, "disk full")),
                expected, "aa", now);
        assertThat(operations.pending(1, "sha256:00", expected, "aa", farExpiry, now)).isEmpty();
        assertThat(operations.pending(2, "sha256:00", expected, "aa", farExpiry, now)).as("other computer").hasSize(1);
        // renewal from 30 days before expiry: 30 days is in, 30 days + 1 s is out
        assertThat(operations.pending(1, expected.fingerprint(), expected, "aa", now.plus(30, ChronoUnit.DAYS), now))
                .extracting(Operation::type).containsExactly(Operation.RENEW_CERTIFICATE);
        assertThat(operations.pending(1, expected.fingerprint(), expected, "aa",
                now.plus(30, ChronoUnit.DAYS).plusSeconds(1), now)).isEmpty();
    }

    @Test
    void certificatesNameComputersAndTheManager() {
        CertificateAuthority ca = CertificateAuthority.create("t");
        var keys = CertificateAuthority.rsaKeyPair(2048);
        var agent = ca.issue(keys.getPublic(), "c", CertificateNames.computer(42), List.of(), CertificateAuthority.newSerial(),
                Instant.now().plusSeconds(60));
        var manager = ca.issue(keys.getPublic(), "m", CertificateNames.MANAGER, List.of("localhost", "127.0.0.1"),
                CertificateAuthority.newSerial(), Instant.now().plusSeconds(60));
        assertThat(CertificateNames.computerOf(agent)).hasValue(42);
        assertThat(CertificateNames.isManager(agent)).isFalse();
        assertThat(CertificateNames.computerOf(manager)).isEmpty();
        assertThat(CertificateNames.isManager(manager)).isTrue();
        assertThat(EventJson.toJson(ca.chainPem(agent))).contains("BEGIN CERTIFICATE");
    }

    private static ComputerRegistration registration(long id, String state, String serial, Instant at) {
        return new ComputerRegistration(id, "h", "Linux", "20", "20", "physical", 1, "10.0.0.1", 4118, "running",
                state, serial, at.plus(300, ChronoUnit.DAYS), at);
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
