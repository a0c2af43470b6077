package io.vigil.gateway.tls;

import io.vigil.tls.TlsMode;

import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JDK disables TLS 1.0, 3DES and (Java 25) every {@code TLS_RSA_*} suite through the security property
 * {@code jdk.tls.disabledAlgorithms}. A mode that needs them must lift exactly those entries before the first TLS use
 * in the JVM: JSSE reads the property once, when its first TLS class initialises, and silently ignores later changes.
 * {@link io.vigil.gateway.GatewayMain} therefore calls {@link #apply} before Quarkus starts, so that
 * {@code java -jar quarkus-run.jar} serves every mode without JVM flags. The lifted value is computed from the running
 * JDK's own list, so it is right on Java 17 and 25, and only for this process.
 */
public final class JvmTlsSettings {

    public static final String PROPERTY = "jdk.tls.disabledAlgorithms";
    /** Outgoing TLS (Kafka, calls to agents) stays on these protocols whatever the agent port's mode lifts. */
    public static final String CLIENT_PROTOCOLS_PROPERTY = "jdk.tls.client.protocols";
    public static final String CLIENT_PROTOCOLS = "TLSv1.3,TLSv1.2";
    static final String TLS10 = "TLSv1";
    static final String TRIPLE_DES = "3DES_EDE_CBC";
    static final String RSA_KEY_EXCHANGE = "TLS_RSA_*";

    private JvmTlsSettings() {
    }

    /**
     * Lifts what the mode needs from {@code jdk.tls.disabledAlgorithms} and pins the client protocols (unless set on
     * the command line). Must run before any TLS class is used in this JVM.
     *
     * @return the entries lifted (empty for {@code strong}, or when the JVM was started with them lifted already)
     */
    public static List<String> apply(TlsMode mode) {
        String current = Security.getProperty(PROPERTY);
        List<String> lifted = blocking(mode, current);
        if (!lifted.isEmpty()) {
            Security.setProperty(PROPERTY, lifted(mode, current));
        }
        if (System.getProperty(CLIENT_PROTOCOLS_PROPERTY) == null) {
            System.setProperty(CLIENT_PROTOCOLS_PROPERTY, CLIENT_PROTOCOLS);
        }
        return lifted;
    }

    /** The property's value for a mode: the JDK's list minus what the mode needs, in the JDK's order. */
    public static String lifted(TlsMode mode, String jdkValue) {
        return String.join(", ", entries(jdkValue).stream().filter(e -> !needed(mode).contains(e)).toList());
    }

    /** The entries of the current value that block something the mode needs; empty when the mode can run. */
    public static List<String> blocking(TlsMode mode, String currentValue) {
        List<String> current = entries(currentValue);
        return needed(mode).stream().filter(current::contains).toList();
    }

    /** The disabled-algorithm entries this mode must lift. */
    static List<String> needed(TlsMode mode) {
        List<String> lift = new ArrayList<>();
        if (mode.needsTls10()) {
            lift.add(TLS10);
        }
        if (mode.needs3des()) {
            lift.add(TRIPLE_DES);
        }
        if (mode.needsRsaKeyExchange()) {
            lift.add(RSA_KEY_EXCHANGE);
        }
        return lift;
    }

    static List<String> entries(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
