package io.vigil.agent.tls;

import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Old agent releases speak TLS 1.0, 3DES or plain RSA key exchange, which the JDK disables through
 * {@code jdk.tls.disabledAlgorithms} (Java 25 disables every {@code TLS_RSA_*} suite). To simulate them the process
 * lifts exactly those entries. This works only before the first TLS use in the JVM: call {@link #permit} first thing.
 */
public final class LegacyTls {

    public static final String PROPERTY = "jdk.tls.disabledAlgorithms";

    private LegacyTls() {
    }

    /** Lifts what the profiles need from the JVM-wide property; returns the entries removed. */
    public static List<String> permit(Collection<TlsProfile> profiles) {
        List<String> needed = needed(profiles);
        String current = Security.getProperty(PROPERTY);
        List<String> entries = entries(current);
        List<String> removed = entries.stream().filter(needed::contains).toList();
        if (!removed.isEmpty()) {
            Security.setProperty(PROPERTY, String.join(", ",
                    entries.stream().filter(e -> !needed.contains(e)).toList()));
        }
        return removed;
    }

    static List<String> needed(Collection<TlsProfile> profiles) {
        List<String> needed = new ArrayList<>();
        if (profiles.stream().anyMatch(TlsProfile::usesTls10)) {
            needed.add("TLSv1");
        }
        if (profiles.stream().anyMatch(TlsProfile::uses3des)) {
            needed.add("3DES_EDE_CBC");
        }
        if (profiles.stream().anyMatch(TlsProfile::usesRsaKeyExchange)) {
            needed.add("TLS_RSA_*");
        }
        return needed;
    }

    static List<String> entries(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
