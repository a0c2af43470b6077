package io.vigil.testkit.secured;

import io.vigil.events.KafkaAccess;
import io.vigil.events.Topics;
import io.vigil.testkit.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secured stack enforces what {@link KafkaAccess} says, and PostgreSQL takes only TLS and each role's own DB. */
class SecuredStackTest {

    private static SecuredStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = SecuredStack.start(Files.createTempDirectory("vigil-secured-"), FreePorts.next(), FreePorts.next());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aServiceWritesTheTopicItOwns() throws Exception {
        try (var producer = producer(KafkaAccess.HEARTBEAT_GATEWAY, null)) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.HEARTBEATS, "42", "{}"))
                    .get(60, TimeUnit.SECONDS);
            assertThat(sent.topic()).isEqualTo(Topics.HEARTBEATS);
        }
    }

    @Test
    void aServiceMayNotWriteATopicItDoesNotOwn() {
        try (var producer = producer(KafkaAccess.HEARTBEAT_GATEWAY, null)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.ALERTS, "42", "{}"))
                    .get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (var producer = producer(KafkaAccess.POLICY_SERVICE, "not-the-password")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.AUDIT, "42", "{}"))
                    .get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aServiceReadsWhatItConsumesInItsOwnGroupOnly() {
        Map<String, Object> config = new HashMap<>(stack.kafka().client(stack.bootstrapServers(),
                KafkaAccess.SIEM_FORWARDER));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "siem-forwarder-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS));
            consumer.poll(Duration.ofSeconds(5));
            assertThat(consumer.assignment()).isNotEmpty();
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "vigil-alert-service");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.ALERTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(30)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void theBrokerHoldsExactlyTheAclsOfTheTable() throws Exception {
        try (Admin admin = Admin.create(stack.kafka().admin(stack.bootstrapServers()))) {
            var acls = admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS);
            assertThat(Set.copyOf(acls)).isEqualTo(Set.copyOf(AclBindings.all()));
        }
    }

    @Test
    void postgresRefusesAConnectionWithoutTls() {
        String url = "jdbc:postgresql://127.0.0.1:" + stack.postgres().server().port() + "/policy?sslmode=disable";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "policy", stack.postgres().password("policy")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no encryption");
    }

    @Test
    void aServiceRoleUsesItsOwnDatabaseOverVerifiedTls() throws Exception {
        var server = stack.postgres().server();
        try (var c = DriverManager.getConnection(server.jdbcUrl("policy"), "policy",
                stack.postgres().password("policy")); var s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS probe (id int)");
            var rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("TLS").isTrue();
        }
    }

    @Test
    void aServiceRoleCannotReachAnotherServicesDatabase() {
        var server = stack.postgres().server();
        assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("policy"), "registry",
                stack.postgres().password("registry")))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied for database \"policy\"");
    }

    @Test
    void aServiceEnvironmentNamesItsOwnUserAndDatabase() {
        Map<String, String> env = stack.environment(KafkaAccess.ALERT_SERVICE);
        assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("VIGIL_DB_USER", "alerts");
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).contains("username=\"alert-service\"");
        assertThat(env.get("VIGIL_DB_ALERTS_JDBC_URL")).contains("sslmode=verify-full");
        assertThat(Path.of(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"))).exists();
        assertThat(stack.environment(KafkaAccess.SIEM_FORWARDER)).doesNotContainKey("VIGIL_DB_USER");
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> config = new HashMap<>(password == null
                ? stack.kafka().client(stack.bootstrapServers(), user)
                : stack.kafka().client(stack.bootstrapServers(), user, password));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
