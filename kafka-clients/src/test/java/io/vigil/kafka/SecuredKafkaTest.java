package io.vigil.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.resource.ResourceType;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real broker with a SASL_SSL listener (SCRAM-SHA-512) and ACLs: clients made by the factory from a
 * service's kafka.* configuration connect, and each way of being refused is explained by the setting or ACL to fix.
 */
class SecuredKafkaTest {

    private static final String SERVICE = "svc";
    private static final String SECRET = "svc-secret";
    private static final KafkaUsage USAGE = new KafkaUsage(List.of("t.in"), List.of("t.out"), List.of("g.svc"));

    @TempDir
    static Path dir;
    private static SecuredBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new SecuredBroker(dir).start();
        broker.user(SERVICE, SECRET);
        broker.topics("t.in", "t.out", "t.secret", "t.late");
        broker.allow(SERVICE, AclOperation.READ, ResourceType.TOPIC, "t.in");
        broker.allow(SERVICE, AclOperation.WRITE, ResourceType.TOPIC, "t.out");
        broker.allow(SERVICE, AclOperation.READ, ResourceType.TOPIC, "t.out");
        broker.allow(SERVICE, AclOperation.READ, ResourceType.GROUP, "g.svc");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private static KafkaClientFactory factory(String password, Path trusted) {
        return new KafkaClientFactory(broker.clientConfiguration(SERVICE, password, trusted));
    }

    private static KafkaProblem check(KafkaClientFactory clients, KafkaUsage usage) {
        return new KafkaConnectionCheck(clients, usage, Duration.ofSeconds(30)).run("svc-check");
    }

    @Test
    void theWholeConfigurationReachesProducerConsumerAndAdmin() {
        KafkaClientFactory clients = factory(SECRET, broker.brokerCertificate());
        assertThat(check(clients, USAGE)).isNull();
        try (KafkaProducer<String, byte[]> producer = clients.producer("svc-producer", Map.of("acks", "all"));
             KafkaConsumer<String, byte[]> consumer = clients.consumer("svc-consumer", "g.svc",
                     Map.of("auto.offset.reset", "earliest"))) {
            producer.send(new ProducerRecord<>("t.out", "42", "hello".getBytes())).get();
            consumer.subscribe(List.of("t.out"));
            List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                return !read.isEmpty();
            });
            assertThat(read.getFirst().key()).isEqualTo("42");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWrongPasswordNamesTheJaasSettingAndKeepsReadinessDown() {
        KafkaConnection connection = new KafkaConnection(new KafkaConnectionCheck(
                factory("not-the-password", broker.brokerCertificate()), USAGE, Duration.ofSeconds(30)),
                Duration.ofMinutes(10), "svc-check");
        KafkaReadiness readiness = new KafkaReadiness(connection);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        KafkaProblem problem = connection.checkNow().problem();

        assertThat(problem.kind()).isEqualTo(KafkaProblem.Kind.AUTHENTICATION);
        assertThat(problem.message()).contains("kafka.sasl.jaas.config", "KAFKA_SASL_JAAS_CONFIG")
                .doesNotContain("not-the-password");
        HealthCheckResponse ready = readiness.call();
        assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(ready.getData().orElseThrow()).containsEntry("setting", "kafka.sasl.jaas.config")
                .containsEntry("environmentVariable", "KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void aConsumerLoopRefusedByTheBrokerReportsOnceAndWaits() {
        KafkaClientFactory clients = factory("not-the-password", broker.brokerCertificate());
        KafkaConnection connection = new KafkaConnection(new KafkaConnectionCheck(clients, USAGE,
                Duration.ofSeconds(30)), Duration.ofMinutes(10), "svc-check");
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("svc-loop", "g.svc", Map.of())) {
            consumer.subscribe(List.of("t.in"));
            Throwable failure = null;
            try {
                consumer.poll(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                failure = e;
            }
            assertThat(failure).isInstanceOf(SaslAuthenticationException.class);
            assertThat(connection.failed("svc-loop", failure, () -> false)).isTrue();
        }
        assertThat(connection.state().healthy()).isFalse();
        assertThat(connection.state().problem().setting()).isEqualTo("kafka.sasl.jaas.config");
    }

    @Test
    void anUntrustedBrokerCertificateNamesTheTrustStore() throws Exception {
        KafkaProblem problem = check(factory(SECRET, broker.foreignCertificate()), USAGE);

        assertThat(problem.kind()).isEqualTo(KafkaProblem.Kind.TLS);
        assertThat(problem.setting()).isEqualTo("kafka.ssl.truststore.location");
        assertThat(problem.message()).contains("KAFKA_SSL_TRUSTSTORE_LOCATION");
    }

    @Test
    void aMissingTrustStoreFileNamesTheTrustStore() {
        KafkaProblem problem = check(factory(SECRET, dir.resolve("no-such-ca.pem")), USAGE);

        assertThat(problem.kind()).isEqualTo(KafkaProblem.Kind.CONFIGURATION);
        assertThat(problem.setting()).isEqualTo("kafka.ssl.truststore.location");
    }

    @Test
    void aTopicWithoutAnyAclIsNamedWithThePrincipal() {
        KafkaProblem problem = check(factory(SECRET, broker.brokerCertificate()),
                new KafkaUsage(List.of("t.secret"), List.of(), List.of()));

        assertThat(problem.kind()).isEqualTo(KafkaProblem.Kind.AUTHORIZATION);
        assertThat(problem.message()).contains("User:svc", "READ topic t.secret");
    }

    @Test
    void aTopicWithoutTheNeededOperationIsNamedWithTheOperation() {
        KafkaProblem problem = check(factory(SECRET, broker.brokerCertificate()),
                new KafkaUsage(List.of(), List.of("t.in"), List.of()));

        assertThat(problem.kind()).isEqualTo(KafkaProblem.Kind.AUTHORIZATION);
        assertThat(problem.message()).contains("User:svc", "WRITE", "topic t.in");
    }

    @Test
    void aGroupWithoutAnAclIsNamed() {
        KafkaProblem problem = check(factory(SECRET, broker.brokerCertificate()),
                new KafkaUsage(List.of("t.in"), List.of(), List.of("g.other")));

        assertThat(problem.kind()).isEqualTo(KafkaProblem.Kind.AUTHORIZATION);
        assertThat(problem.message()).contains("User:svc", "g.other");
    }

    @Test
    void readinessTurnsUpOnceTheMissingAclIsGrantedAndAHeldLoopResumes() throws Exception {
        KafkaConnection connection = new KafkaConnection(new KafkaConnectionCheck(
                factory(SECRET, broker.brokerCertificate()), new KafkaUsage(List.of("t.late"), List.of(), List.of()),
                Duration.ofSeconds(30)), Duration.ofSeconds(1), "svc-check");
        try {
            connection.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> connection.state().problem() != null);
            assertThat(connection.state().problem().message()).contains("User:svc", "READ topic t.late");
            java.util.concurrent.atomic.AtomicBoolean resumed = new java.util.concurrent.atomic.AtomicBoolean();
            Thread loop = Thread.ofPlatform().start(() -> resumed.set(connection.failed("svc-loop",
                    new org.apache.kafka.common.errors.TopicAuthorizationException(java.util.Set.of("t.late")),
                    () -> true)));
            assertThat(loop.join(Duration.ofSeconds(2))).as("held while the ACL is missing").isFalse();

            broker.allow(SERVICE, AclOperation.READ, ResourceType.TOPIC, "t.late");

            await().atMost(Duration.ofSeconds(60)).until(() -> connection.state().healthy());
            assertThat(new KafkaReadiness(connection).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(loop.join(Duration.ofSeconds(30))).isTrue();
            assertThat(resumed).isTrue();
        } finally {
            connection.onStop(null);
        }
    }
}
