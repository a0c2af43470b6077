package io.vigil.siem.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vigil.events.KafkaAccess;
import io.vigil.testkit.FreePorts;
import io.vigil.testkit.secured.SecuredStack;
import io.vigil.testkit.secured.TestCa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the service at the secured broker of test-support (SASL_SSL, SCRAM-SHA-512, test CA, the ACLs of
 * {@link KafkaAccess}) through {@code kafka.*} properties, as its {@code KAFKA_*} environment would: with its own
 * user ({@code mode=valid}), a wrong password ({@code mode=wrong-password}), a trust store holding another CA
 * ({@code mode=untrusted}) or another service's user, whom the ACLs do not allow this service's topics
 * ({@code mode=other-user}). One secured stack serves every test class of the JVM.
 */
public class SecuredKafkaResource implements QuarkusTestResourceLifecycleManager {

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
                default -> secured.kafka().client(secured.bootstrapServers(), service);
            };
            Map<String, String> config = new HashMap<>();
            client.forEach((key, value) -> config.put("kafka." + key, value.toString()));
            if (mode.equals("untrusted")) {
                Path otherCa = TestCa.in(dir.resolve("other-ca"), "other-secret").caCertificate();
                config.put("kafka.ssl.truststore.location", otherCa.toString());
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // shared by the test classes of this JVM: closed by a shutdown hook
    }
}
