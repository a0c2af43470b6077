package io.vigil.tls;

import java.util.List;

/**
 * What an agent can speak: its protocols and cipher suites, for one of its crypto settings.
 *
 * @param variant {@code standard}, {@code strong} (10.0 U16 and later with strong cipher suites enabled) or
 *                {@code fips}
 */
public record AgentTls(String variant, List<String> protocols, List<String> suites) {

    public AgentTls {
        protocols = List.copyOf(protocols);
        suites = List.copyOf(suites);
    }

    /** Whether a handshake with a server in the given mode can succeed: a common protocol with a common suite. */
    public boolean canConnect(TlsMode mode) {
        return protocols.stream().anyMatch(p -> suites.stream().anyMatch(s -> mode.accepts(p, s)));
    }

    public boolean uses(String protocol, String suite) {
        return protocols.contains(Protocols.normalise(protocol)) && suites.contains(Suites.ianaName(suite));
    }
}
