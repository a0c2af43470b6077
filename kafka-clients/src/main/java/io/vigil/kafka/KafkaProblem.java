package io.vigil.kafka;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

import java.util.Locale;
import java.util.Map;

/**
 * Why this service cannot use Kafka, said so that an operator knows what to change: the configuration setting
 * ({@code kafka.sasl.jaas.config}, environment variable {@code KAFKA_SASL_JAAS_CONFIG}) or, for a refusal by an ACL,
 * the principal, the operation and the topic or group.
 *
 * @param kind    what failed
 * @param setting the {@code kafka.*} setting to check, or null when an ACL (not a setting) is missing
 * @param detail  the whole explanation, without secrets
 */
public record KafkaProblem(Kind kind, String setting, String detail) {

    public enum Kind {
        /** The broker refused the SASL credentials or mechanism. */
        AUTHENTICATION,
        /** The TLS handshake failed: untrusted broker certificate, or the broker refused the client certificate. */
        TLS,
        /** An ACL does not allow this service's principal an operation it needs. */
        AUTHORIZATION,
        /** A topic the service needs does not exist. */
        MISSING_TOPIC,
        /** No answer within the timeout: wrong address, or a security protocol the listener does not speak. */
        UNREACHABLE,
        /** The client could not even be built from the configuration (a missing trust store file, ...). */
        CONFIGURATION
    }

    public static final String JAAS = "kafka.sasl.jaas.config";
    public static final String MECHANISM = "kafka.sasl.mechanism";
    public static final String TRUSTSTORE = "kafka.ssl.truststore.location";
    public static final String KEYSTORE = "kafka.ssl.keystore.location";
    public static final String BOOTSTRAP = "kafka.bootstrap.servers";
    public static final String PROTOCOL = "kafka.security.protocol";

    /** The environment variable that sets a {@code kafka.*} property: {@code KAFKA_SASL_JAAS_CONFIG}. */
    public static String environmentVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** One line for logs and readiness data. */
    public String message() {
        return setting == null ? detail
                : detail + " [setting " + setting + ", environment variable " + environmentVariable(setting) + "]";
    }

    /**
     * Explains a failure of a Kafka client. Walks the cause chain for the first Kafka error it knows.
     *
     * @param principal how the broker knows this service, for ACL refusals (e.g. {@code User:alert-service})
     * @param configuration the client's {@code kafka.*} configuration (without the prefix): names the store a message
     *                      mentions by its file, and the bootstrap servers of a timeout
     */
    public static KafkaProblem of(Throwable failure, String principal, Map<String, ?> configuration) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            KafkaProblem known = known(t, principal, configuration);
            if (known != null) {
                return known;
            }
        }
        return new KafkaProblem(Kind.CONFIGURATION, null, "Kafka client failed: " + failure);
    }

    /** True for failures that retrying with the same configuration and ACLs cannot cure. */
    public static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof ConfigException) {
                return true;
            }
        }
        return false;
    }

    private static KafkaProblem known(Throwable t, String principal, Map<String, ?> configuration) {
        Object bootstrap = configuration.get("bootstrap.servers");
        return switch (t) {
            case SaslAuthenticationException e -> new KafkaProblem(Kind.AUTHENTICATION, JAAS,
                    "Kafka refused this service's SASL credentials (wrong user name or password in the JAAS "
                            + "configuration): " + e.getMessage());
            case UnsupportedSaslMechanismException e -> new KafkaProblem(Kind.AUTHENTICATION, MECHANISM,
                    "the Kafka listener does not enable this SASL mechanism: " + e.getMessage());
            case SslAuthenticationException e -> new KafkaProblem(Kind.TLS, TRUSTSTORE,
                    "TLS handshake with Kafka failed: the broker's certificate is not trusted by the configured trust "
                            + "store (or the broker refused this client's certificate, " + KEYSTORE + "): "
                            + rootMessage(e));
            case AuthenticationException e -> new KafkaProblem(Kind.AUTHENTICATION, PROTOCOL,
                    "Kafka authentication failed: " + e.getMessage());
            case TopicAuthorizationException e -> new KafkaProblem(Kind.AUTHORIZATION, null,
                    "Kafka ACLs do not allow " + principal + " to use topic(s) " + (e.unauthorizedTopics().isEmpty()
                            ? e.getMessage() : e.unauthorizedTopics()) + ": grant its principal the ACLs for them");
            case GroupAuthorizationException e -> new KafkaProblem(Kind.AUTHORIZATION, null,
                    "Kafka ACLs do not allow " + principal + " to use consumer group " + e.groupId()
                            + ": grant its principal Read on that group");
            case ClusterAuthorizationException e -> new KafkaProblem(Kind.AUTHORIZATION, null,
                    "Kafka ACLs do not allow " + principal + " a cluster operation: " + e.getMessage());
            case AuthorizationException e -> new KafkaProblem(Kind.AUTHORIZATION, null,
                    "Kafka ACLs refused " + principal + ": " + e.getMessage());
            case TimeoutException e -> new KafkaProblem(Kind.UNREACHABLE, BOOTSTRAP,
                    "no answer from Kafka at " + bootstrap + " in time (address, port, or a " + PROTOCOL
                            + " the listener does not speak): " + e.getMessage());
            case ConfigException e -> new KafkaProblem(Kind.CONFIGURATION,
                    settingNamed(e.getMessage(), configuration), "invalid Kafka configuration: " + e.getMessage());
            default -> t.getClass().getName().startsWith("org.apache.kafka.")
                    && settingNamed(t.getMessage(), configuration) != null
                    ? new KafkaProblem(Kind.CONFIGURATION, settingNamed(t.getMessage(), configuration),
                    "could not build the Kafka client: " + rootMessage(t)) : null;
        };
    }

    /**
     * The setting a Kafka error message talks about, or null. Kafka says "keystore" for trust stores too, so a
     * message naming a configured store file is matched by the file first.
     */
    static String settingNamed(String message, Map<String, ?> configuration) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        for (String store : new String[] {TRUSTSTORE, KEYSTORE}) {
            Object file = configuration.get(store.substring("kafka.".length()));
            if (file != null && !file.toString().isBlank() && message != null && message.contains(file.toString())) {
                return store;
            }
        }
        if (m.contains("truststore") || m.contains("trust store")) {
            return TRUSTSTORE;
        }
        if (m.contains("keystore") || m.contains("key store")) {
            return KEYSTORE;
        }
        if (m.contains("jaas")) {
            return JAAS;
        }
        if (m.contains("sasl.mechanism")) {
            return MECHANISM;
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root.getMessage() + ")";
    }
}
