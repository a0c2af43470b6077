package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.events.KafkaAccess;
import io.vigil.testkit.FreePorts;
import io.vigil.testkit.secured.SecuredStack;
import io.vigil.testkit.secured.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service, started as its image starts it ({@code java -jar}, configuration from the environment only), against
 * the secured infrastructure (SASL_SSL Kafka with SCRAM users and ACLs, TLS PostgreSQL with one role per database),
 * given one thing wrong: a wrong Kafka password, another service's Kafka user (whom the ACLs refuse this service's
 * topics), a trust store without the broker's CA, or a wrong PostgreSQL password. Each fails clearly within a bounded
 * time. For Kafka: its log names the setting to fix (or the principal and the topic), readiness check
 * {@code kafka-connection} is DOWN with the same explanation, and the process keeps running (it turns ready once the
 * cause is fixed, which {@code kafka-clients}' and siem-forwarder's tests show). For PostgreSQL: the start stops at the
 * database migration with PostgreSQL's refusal naming the role, and the process exits instead of hanging. One secured
 * stack serves every case; the processes start in parallel, a few at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredFailuresSystemTest {

    /** How long a service may take from its start until it has said clearly what is wrong. */
    private static final Duration BOUND = Duration.ofSeconds(300);
    /** Processes started at once: more only make each start slower on a small machine. */
    private static final int WAVE = 6;

    enum Fault { WRONG_KAFKA_PASSWORD, FOREIGN_KAFKA_USER, UNTRUSTED_BROKER, WRONG_DATABASE_PASSWORD }

    record Case(String service, Fault fault) {
        @Override
        public String toString() {
            return service + " with " + fault.name().toLowerCase().replace('_', ' ');
        }
    }

    private final Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    private final Map<Case, SecuredServiceProcess> processes = new LinkedHashMap<>();
    private Path state;
    private SecuredStack stack;
    private ServiceCertificates certificates;

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (KafkaAccess.ServiceAccess access : KafkaAccess.ALL) {
            for (Fault fault : Fault.values()) {
                if (fault != Fault.WRONG_DATABASE_PASSWORD || SecuredStack.DATABASES.containsKey(access.service())) {
                    cases.add(new Case(access.service(), fault));
                }
            }
        }
        return cases.stream();
    }

    @BeforeAll
    void startEveryCase() throws IOException {
        state = Files.createTempDirectory("vigil-secured-failures-");
        Path logs = root.resolve("system-tests/target/system-test-logs/secured-failures");
        Files.createDirectories(logs);
        stack = SecuredStack.start(state.resolve("stack"), FreePorts.next(), FreePorts.next());
        certificates = ServiceCertificates.create(SecuredServiceProcess.jar(root, "heartbeat-gateway"),
                state.resolve("platform"), logs);
        Path foreignCa = TestCa.in(state.resolve("foreign-ca"), "foreign-secret").caCertificate();
        cases().forEach(c -> processes.put(c, new SecuredServiceProcess(root, c.service(),
                environment(c, foreignCa), logs.resolve(c.service() + "-" + c.fault().name().toLowerCase() + ".log"))));
        List<SecuredServiceProcess> all = new ArrayList<>(processes.values());
        for (int i = 0; i < all.size(); i += WAVE) {
            List<SecuredServiceProcess> wave = all.subList(i, Math.min(i + WAVE, all.size()));
            wave.forEach(SecuredServiceProcess::start);
            await("started: " + wave.size() + " services").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                    .until(() -> wave.stream().allMatch(SecuredServiceProcess::settled));
        }
    }

    @AfterAll
    void stopEverything() {
        processes.values().forEach(SecuredServiceProcess::signalStop);
        processes.values().forEach(SecuredServiceProcess::stop);
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsClearly(Case c) {
        SecuredServiceProcess service = processes.get(c);
        if (c.fault() == Fault.WRONG_DATABASE_PASSWORD) {
            // Flyway migrates at start: a refused login stops the start with PostgreSQL's own words
            await(c + " stops (log: " + service.log() + ")").atMost(BOUND).until(() -> !service.alive());
            assertThat(service.logText()).contains("Failed to start")
                    .contains("password authentication failed for user \"" + SecuredStack.DATABASES.get(c.service())
                            + "\"").doesNotContain(SecuredServiceProcess.WRONG_PASSWORD);
            System.out.printf("%s: stopped with the database's refusal after %d s%n", c, service.age().toSeconds());
            return;
        }
        String[] expected = expectation(c);
        await(c + " says what is wrong (log: " + service.log() + ")").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(service.alive()).as("%s is running (exit: see its log)", c).isTrue();
                    JsonPath ready = service.readiness();
                    assertThat(ready).as("readiness of %s answers", c).isNotNull();
                    assertThat(ready.getString("status")).isEqualTo("DOWN");
                    Map<String, Object> check = ready.getMap("checks.find { it.name == 'kafka-connection' }");
                    assertThat(check).as("readiness check kafka-connection").isNotNull()
                            .containsEntry("status", "DOWN");
                    assertThat(check.toString()).contains(expected);
                    assertThat(service.logText()).contains(expected);
                });
        System.out.printf("%s: readiness answered after %d s, clear and still running after %d s%n", c,
                service.answeredAfter().toSeconds(), service.age().toSeconds());
        assertThat(service.alive()).isTrue();
        assertThat(service.logText()).doesNotContain(SecuredServiceProcess.WRONG_PASSWORD);
    }

    /** What the kafka-connection check and the log must both say. */
    private static String[] expectation(Case c) {
        return switch (c.fault()) {
            case WRONG_KAFKA_PASSWORD -> new String[] {"kafka.sasl.jaas.config", "KAFKA_SASL_JAAS_CONFIG"};
            case FOREIGN_KAFKA_USER -> new String[] {"User:" + foreignUser(c.service()), "topic vigil."};
            case UNTRUSTED_BROKER -> new String[] {"kafka.ssl.truststore.location", "KAFKA_SSL_TRUSTSTORE_LOCATION"};
            case WRONG_DATABASE_PASSWORD -> throw new IllegalArgumentException("no Kafka fault");
        };
    }

    /** A service whose ACLs do not cover this one's topics. */
    private static String foreignUser(String service) {
        return service.equals(KafkaAccess.SIEM_FORWARDER) ? KafkaAccess.POLICY_SERVICE : KafkaAccess.SIEM_FORWARDER;
    }

    private Map<String, String> environment(Case c, Path foreignCa) {
        Map<String, String> env = new LinkedHashMap<>(certificates.environment(c.service()));
        env.putAll(stack.environment(c.service()));
        // a first TLS connection of a JVM still starting takes long on a loaded test machine (default 5 s)
        env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
        switch (c.fault()) {
            case WRONG_KAFKA_PASSWORD -> env.put("KAFKA_SASL_JAAS_CONFIG", (String) stack.kafka()
                    .client(stack.bootstrapServers(), c.service(), SecuredServiceProcess.WRONG_PASSWORD)
                    .get("sasl.jaas.config"));
            case FOREIGN_KAFKA_USER -> env.put("KAFKA_SASL_JAAS_CONFIG", (String) stack.kafka()
                    .client(stack.bootstrapServers(), foreignUser(c.service())).get("sasl.jaas.config"));
            case UNTRUSTED_BROKER -> env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", foreignCa.toString());
            case WRONG_DATABASE_PASSWORD -> env.put("VIGIL_DB_PASSWORD", SecuredServiceProcess.WRONG_PASSWORD);
        }
        return env;
    }
}
