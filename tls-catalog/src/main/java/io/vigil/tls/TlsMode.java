package io.vigil.tls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.vigil.tls.Suites.*;

/**
 * The gateway's cipher-suite modes on port 4120, exactly the contract's table: the protocols each accepts and, per
 * protocol, the suites in the server's order of preference. No TLS 1.1 and no other suite in any mode.
 */
public enum TlsMode {
    DEFAULT("default", table(tls13(), tls12Default(), List.of())),
    LEGACY("legacy", table(tls13(), tls12Legacy(),
            List.of(RSA_AES_256_CBC_SHA, RSA_AES_128_CBC_SHA, RSA_3DES_EDE_CBC_SHA))),
    STRONG("strong", table(List.of(), List.of(ECDHE_RSA_AES_256_GCM_SHA384, ECDHE_RSA_AES_128_GCM_SHA256,
            ECDHE_RSA_AES_256_CBC_SHA384, ECDHE_RSA_AES_128_CBC_SHA256), List.of())),
    FIPS("fips", table(List.of(), List.of(ECDHE_RSA_AES_256_CBC_SHA384, ECDHE_RSA_AES_128_CBC_SHA256,
            RSA_AES_256_CBC_SHA256, RSA_AES_128_CBC_SHA256), List.of()));

    private final String configName;
    private final Map<String, List<String>> suitesByProtocol;

    TlsMode(String configName, Map<String, List<String>> suitesByProtocol) {
        this.configName = configName;
        this.suitesByProtocol = suitesByProtocol;
    }

    /** The value of {@code vigil.gateway.tls.mode}. */
    public String configName() {
        return configName;
    }

    public static TlsMode fromConfig(String value) {
        for (TlsMode mode : values()) {
            if (mode.configName.equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown TLS mode '" + value + "': use legacy, default, strong or fips");
    }

    /** Protocols accepted, newest first, in JSSE names. */
    public List<String> protocols() {
        return List.copyOf(suitesByProtocol.keySet());
    }

    /** Suites accepted with the given protocol, in the server's preference order; empty if the protocol is refused. */
    public List<String> suites(String protocol) {
        return suitesByProtocol.getOrDefault(Protocols.normalise(protocol), List.of());
    }

    /** Every suite to enable, in preference order (TLS 1.3 suites first), without duplicates. */
    public List<String> cipherSuites() {
        List<String> all = new ArrayList<>();
        suitesByProtocol.values().forEach(list -> list.stream().filter(s -> !all.contains(s)).forEach(all::add));
        return List.copyOf(all);
    }

    public boolean accepts(String protocol, String suite) {
        return suites(protocol).contains(Suites.ianaName(suite));
    }

    /** Whether this mode needs TLS 1.0, which the JDK disables by default. */
    public boolean needsTls10() {
        return suitesByProtocol.containsKey(Protocols.TLS10);
    }

    /** Whether this mode needs 3DES, which the JDK disables by default. */
    public boolean needs3des() {
        return cipherSuites().contains(RSA_3DES_EDE_CBC_SHA);
    }

    /** Whether this mode needs plain RSA key exchange, which Java 25 disables by default. */
    public boolean needsRsaKeyExchange() {
        return cipherSuites().stream().anyMatch(s -> s.startsWith("TLS_RSA_"));
    }

    private static List<String> tls13() {
        return List.of(AES_128_GCM_SHA256, AES_256_GCM_SHA384);
    }

    private static List<String> tls12Default() {
        return List.of(ECDHE_RSA_AES_256_GCM_SHA384, ECDHE_RSA_AES_128_GCM_SHA256, ECDHE_RSA_AES_256_CBC_SHA384,
                ECDHE_RSA_AES_128_CBC_SHA256, RSA_AES_256_CBC_SHA256, RSA_AES_128_GCM_SHA256, RSA_AES_128_CBC_SHA256,
                RSA_AES_256_CBC_SHA, RSA_AES_128_CBC_SHA);
    }

    private static List<String> tls12Legacy() {
        List<String> suites = new ArrayList<>(tls12Default());
        suites.add(RSA_3DES_EDE_CBC_SHA);
        return List.copyOf(suites);
    }

    private static Map<String, List<String>> table(List<String> tls13, List<String> tls12, List<String> tls10) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        if (!tls13.isEmpty()) {
            table.put(Protocols.TLS13, tls13);
        }
        table.put(Protocols.TLS12, tls12);
        if (!tls10.isEmpty()) {
            table.put(Protocols.TLS10, tls10);
        }
        return java.util.Collections.unmodifiableMap(table);
    }
}
