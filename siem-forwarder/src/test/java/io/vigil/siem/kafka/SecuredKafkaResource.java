package io.vigil.siem.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vigil.events.KafkaAccess;
import io.vigil.testkit.FreePorts;
import io.vigil.testkit.secured.AclBindings;
import io.vigil.testkit.secured.SecuredStack;
import io.vigil.testkit.secured.TestCa;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Points the service at the secured broker of test-support (SASL_SSL, SCRAM-SHA-512, test CA, the ACLs of
 * {@link KafkaAccess}) through {@code kafka.*} properties, as its {@code KAFKA_*} environment would: with its own
 * user ({@code mode=valid}), a wrong password ({@code mode=wrong-password}), a trust store holding another CA
 * ({@code mode=untrusted}) or another service's user, whom the ACLs do not allow this service's topics
 * ({@code mode=other-user}), or a user of its own that has no ACL yet ({@code mode=late-grant}: the test grants
 * {@link #lateUserAcls()} with the super user's client settings, handed to it under {@link #ADMIN_PREFIX}). One
 * secured stack serves every test class of the JVM.
 */
public class SecuredKafkaResource implements QuarkusTestResourceLifecycleManager {

    /** The user of {@code mode=late-grant}: a SCRAM user created without any ACL. */
    static final String LATE_USER = "siem-late";
    /** Config prefix of the super user's client settings ({@code mode=late-grant} only). */
    static final String ADMIN_PREFIX = "vigil.test.kafka-admin.";
    private static final String LATE_PASSWORD = "late-password";

    private static SecuredStack stack;
    private static Path dir;
    private String mode = "valid";

    @Override
    public void init(Map<String, String> initArgs) {
        mode = initArgs.getOrDefault("mode", mode);
    }

    private static synchronized SecuredStack stack() throws IOException {
        if (stack == null) {
            dir = Files.createTempDirectory("siem-secured-kafka");
            int kafkaPort = FreePorts.next();
            stack = SecuredStack.start(dir, kafkaPort, FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    @Override
    public Map<String, String> start() {
        try {
            SecuredStack secured = stack();
            String service = KafkaAccess.SIEM_FORWARDER;
            Map<String, Object> client = switch (mode) {
                case "wrong-password" -> secured.kafka().client(secured.bootstrapServers(), service, "not-it");
                case "other-user" -> secured.kafka().client(secured.bootstrapServers(), KafkaAccess.POLICY_SERVICE);
                case "late-grant" -> {
                    createLateUser(secured);
                    yield secured.kafka().client(secured.bootstrapServers(), LATE_USER, LATE_PASSWORD);
                }
                default -> secured.kafka().client(secured.bootstrapServers(), service);
            };
            Map<String, String> config = new HashMap<>();
            client.forEach((key, value) -> config.put("kafka." + key, value.toString()));
            if (mode.equals("untrusted")) {
                Path otherCa = TestCa.in(dir.resolve("other-ca"), "other-secret").caCertificate();
                config.put("kafka.ssl.truststore.location", otherCa.toString());
            }
            if (mode.equals("late-grant")) {
                secured.kafka().admin(secured.bootstrapServers())
                        .forEach((key, value) -> config.put(ADMIN_PREFIX + key, value.toString()));
                config.put("vigil.siem.syslog.url", "tcp://127.0.0.1:" + FreePorts.next());
                config.put("vigil.siem.directory-load-timeout", "3s");
                config.put("vigil.kafka.check.retry-interval", "2s");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ACLs of siem-forwarder, granted to {@link #LATE_USER}. */
    static List<AclBinding> lateUserAcls() {
        KafkaAccess.ServiceAccess siem = KafkaAccess.of(KafkaAccess.SIEM_FORWARDER).orElseThrow();
        return AclBindings.of(new KafkaAccess.ServiceAccess(LATE_USER, siem.writes(), siem.reads(),
                siem.groupPrefix()));
    }

    private static void createLateUser(SecuredStack secured) {
        try (Admin admin = Admin.create(secured.kafka().admin(secured.bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(LATE_USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), LATE_PASSWORD)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create Kafka user " + LATE_USER, e);
        }
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM: closed by a shutdown hook
    }
}
