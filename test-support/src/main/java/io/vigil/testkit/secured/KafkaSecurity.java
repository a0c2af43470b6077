package io.vigil.testkit.secured;

import io.vigil.events.KafkaAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The security of the secured local broker: one SASL_SSL listener (SCRAM-SHA-512, server certificate from the
 * {@link TestCa}) used by clients and by the broker itself as the super user {@link #ADMIN}, a controller listener on
 * loopback that takes only the super user (SASL PLAIN), and ACLs enforced by the {@code StandardAuthorizer}. Every
 * SCRAM user (the super user and one per service of {@link KafkaAccess}) is created when the log directory is formatted.
 */
public final class KafkaSecurity {

    public static final String PROTOCOL = "SASL_SSL";
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The super user: the broker itself, topic creation and ACLs. Services never use it. */
    public static final String ADMIN = "vigil-admin";

    private final TestCa ca;
    private final Credentials credentials;

    public KafkaSecurity(TestCa ca, Credentials credentials) {
        this.ca = ca;
        this.credentials = credentials;
    }

    /** The listener and security lines of {@code server.properties}. */
    public List<String> brokerProperties(int port, int controllerPort) {
        String admin = credentials.kafka(ADMIN);
        return List.of(
                "listeners=SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_SSL://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT",
                "inter.broker.listener.name=SASL_SSL",
                "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                "listener.name.sasl_ssl.sasl.enabled.mechanisms=" + MECHANISM,
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + scramJaas(ADMIN, admin),
                "sasl.mechanism.controller.protocol=PLAIN",
                "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"" + ADMIN + "\" password=\"" + admin + "\" user_" + ADMIN + "=\""
                        + admin + "\";",
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + ca.serverKeyStore(),
                "ssl.keystore.password=" + ca.storePassword(),
                "ssl.truststore.type=PEM",
                "ssl.truststore.location=" + ca.caCertificate(),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "allow.everyone.if.no.acl.found=false",
                "super.users=User:" + ADMIN);
    }

    /** The storage tool's {@code --add-scram} arguments: the super user and every service user. */
    public List<String> formatArguments() {
        List<String> args = new ArrayList<>();
        args.addAll(addScram(ADMIN));
        KafkaAccess.ALL.forEach(access -> args.addAll(addScram(access.service())));
        return args;
    }

    private List<String> addScram(String user) {
        return List.of("--add-scram", MECHANISM + "=[name=" + user + ",password=" + credentials.kafka(user) + "]");
    }

    /** Client configuration (Kafka property names) of {@code user} with its real password. */
    public Map<String, Object> client(String bootstrapServers, String user) {
        return client(bootstrapServers, user, credentials.kafka(user));
    }

    /** Client configuration of {@code user} with the given password (a wrong one, in tests). */
    public Map<String, Object> client(String bootstrapServers, String user, String password) {
        return Map.of("bootstrap.servers", bootstrapServers,
                "security.protocol", PROTOCOL,
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", scramJaas(user, password),
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", ca.caCertificate().toString());
    }

    /** The super user's client configuration. */
    public Map<String, Object> admin(String bootstrapServers) {
        return client(bootstrapServers, ADMIN);
    }

    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
