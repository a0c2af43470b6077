package io.vigil.agent.tls;

import io.vigil.tls.AgentReleases;
import io.vigil.tls.AgentTls;
import io.vigil.tls.Protocols;
import io.vigil.tls.ReleaseLine;
import io.vigil.tls.Suites;

import java.util.List;

/**
 * The TLS an agent speaks (as client to the gateway and as server on its port): the protocols and cipher suites of
 * its release in DSM's TLS table ({@link AgentReleases}), for one of its crypto settings ({@code standard},
 * {@code strong}, {@code fips} where the release has them). Without a release: the JDK's defaults.
 *
 * @param protocols JSSE protocol names; empty for the JDK's defaults
 * @param suites    IANA suite names; empty for the JDK's defaults
 */
public record TlsProfile(String release, String variant, List<String> protocols, List<String> suites) {

    public TlsProfile {
        protocols = List.copyOf(protocols);
        suites = List.copyOf(suites);
    }

    public static TlsProfile jdkDefaults() {
        return new TlsProfile(null, "jdk", List.of(), List.of());
    }

    /** The profile of a release line name such as {@code 20} or {@code 10.0 U16}; throws if the table has no row. */
    public static TlsProfile forRelease(String release, String variant) {
        ReleaseLine line = AgentReleases.forRelease(release).orElseThrow(() -> new IllegalArgumentException(
                "release '" + release + "' is not in the agent release table (docs/tls.md)"));
        String wanted = variant == null || variant.isBlank() ? "standard" : variant.trim();
        AgentTls tls = line.variants().stream().filter(v -> v.variant().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("release '" + release + "' (" + line.name()
                        + ") has no '" + wanted + "' crypto setting; it has "
                        + line.variants().stream().map(AgentTls::variant).toList()));
        return new TlsProfile(release, wanted, tls.protocols(), tls.suites());
    }

    /** Suite names as JSSE knows them (3DES under its SSL_ name). */
    public List<String> jsseSuites() {
        return suites.stream().map(Suites::jsseName).toList();
    }

    public boolean usesTls10() {
        return protocols.contains(Protocols.TLS10);
    }

    public boolean uses3des() {
        return suites.contains(Suites.RSA_3DES_EDE_CBC_SHA);
    }

    public boolean usesRsaKeyExchange() {
        return suites.stream().anyMatch(s -> s.startsWith("TLS_RSA_"));
    }
}
