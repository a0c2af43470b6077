package io.vigil.testkit;

import io.vigil.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructureTest {

    @Test
    void startsRealKafkaWithEveryTopicAndItsPartitions() throws Exception {
        Infrastructure infrastructure = Infrastructure.shared();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                    Topics.ALL.stream().map(Topics.Spec::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            for (Topics.Spec spec : Topics.ALL) {
                assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
            }
        }
    }

    @Test
    void startsRealPostgresAndCreatesDatabases() throws Exception {
        PostgresServer postgres = Infrastructure.shared().postgres().ensureDatabase("smoke").ensureDatabase("smoke");
        try (var connection = DriverManager.getConnection(postgres.jdbcUrl("smoke"), postgres.user(),
                postgres.password()); var rs = connection.createStatement().executeQuery("SELECT version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
        }
    }

    @Test
    void theEmbeddedPostgresNeedsItsPassword() throws Exception {
        PostgresServer postgres = Infrastructure.shared().postgres();
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("VIGIL_POSTGRES_URL") == null, "embedded only");
        assertThat(postgres.password()).hasSizeGreaterThanOrEqualTo(16);
        for (String wrong : new String[]{"", "postgres", postgres.password() + "x"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(
                    postgres.jdbcUrl("postgres"), postgres.user(), wrong).close())
                    .isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void aPersistentDataDirectoryKeepsItsPasswordInAnOwnerOnlyFile(@org.junit.jupiter.api.io.TempDir
                                                                    java.nio.file.Path dir) throws Exception {
        java.nio.file.Path data = dir.resolve("postgres");
        String first = PostgresPassword.of(data);
        assertThat(PostgresPassword.of(data)).isEqualTo(first);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
                dir.resolve("postgres-password")))).isEqualTo("rw-------");
    }
}
