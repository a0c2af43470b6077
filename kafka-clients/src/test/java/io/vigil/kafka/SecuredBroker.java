package io.vigil.kafka;

import io.vigil.testkit.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft broker in a child JVM whose client listener speaks SASL_SSL (SCRAM-SHA-512, a self-signed
 * broker certificate for 127.0.0.1) and enforces ACLs with the StandardAuthorizer. A PLAINTEXT listener for the
 * broker itself and the test's set-up (its anonymous principal is a super user) creates users, topics and ACLs.
 */
final class SecuredBroker implements AutoCloseable {

    static final String PASSWORD = "store-secret";

    private final Path dir;
    private final int internalPort = FreePorts.next();
    private final int securedPort = FreePorts.next();
    private final int controllerPort = FreePorts.next();
    private Process process;

    SecuredBroker(Path dir) {
        this.dir = dir;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + securedPort;
    }

    /** The broker's certificate, PEM: a trust store that trusts this broker. */
    Path brokerCertificate() {
        return dir.resolve("broker.pem");
    }

    SecuredBroker start() throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", dir.resolve("broker.p12").toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", dir.resolve("broker.p12").toString(),
                "-storepass", PASSWORD, "-file", brokerCertificate().toString());
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=INTERNAL://127.0.0.1:" + internalPort + ",SECURED://127.0.0.1:" + securedPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=INTERNAL://127.0.0.1:" + internalPort + ",SECURED://127.0.0.1:" + securedPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=INTERNAL:PLAINTEXT,SECURED:SASL_SSL,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=INTERNAL",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "listener.name.secured.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.keystore.location=" + dir.resolve("broker.p12"),
                "ssl.keystore.password=" + PASSWORD,
                "ssl.keystore.type=PKCS12",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:ANONYMOUS",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                ""));
        Process format = java(List.of("kafka.tools.StorageTool", "format", "-t", "c2VjdXJlZC1icm9rZXItMQ",
                "-c", properties.toString()), dir.resolve("format.log")).start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("formatting failed: see " + dir.resolve("format.log"));
        }
        process = java(List.of("kafka.Kafka", properties.toString()), dir.resolve("broker.log")).start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("broker exited: see " + dir.resolve("broker.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", securedPort), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** A SCRAM-SHA-512 user. */
    void user(String name, String password) throws Exception {
        try (Admin admin = setupAdmin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get();
        }
    }

    void topics(String... names) throws Exception {
        try (Admin admin = setupAdmin()) {
            admin.createTopics(java.util.Arrays.stream(names).map(n -> new NewTopic(n, 1, (short) 1)).toList())
                    .all().get();
        }
    }

    /** Allows the user an operation on a topic or group (literal name). */
    void allow(String user, AclOperation operation, ResourceType type, String name) throws Exception {
        try (Admin admin = setupAdmin()) {
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)))).all().get();
        }
    }

    /** The client side of the SASL_SSL listener, as a service's kafka.* properties would give it. */
    Map<String, Object> clientConfiguration(String user, String password, Path trustedCertificate) {
        return Map.of("bootstrap.servers", bootstrapServers(),
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", trustedCertificate.toString());
    }

    private Admin setupAdmin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + internalPort));
    }

    /** A self-signed certificate of some other party, PEM: a trust store that does not trust this broker. */
    Path foreignCertificate() throws IOException, InterruptedException {
        Path store = dir.resolve("foreign.p12");
        keytool("-genkeypair", "-alias", "foreign", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=foreign", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        Path pem = dir.resolve("foreign.pem");
        keytool("-exportcert", "-rfc", "-alias", "foreign", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return pem;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    private static ProcessBuilder java(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static String classpath() throws IOException {
        try (InputStream in = SecuredBroker.class.getResourceAsStream("/vigil/kafka-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("vigil/kafka-classpath.txt missing: build test-support first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
