package io.vigil.tls;

import java.util.List;

/**
 * One row of the agent release table (`AgentReleases`): the agent releases from {@code first} to {@code last} (inclusive) and the TLS they
 * can speak, one entry per crypto setting of the agent.
 */
public record ReleaseLine(String name, ReleaseVersion first, ReleaseVersion last, List<AgentTls> variants) {

    public ReleaseLine {
        variants = List.copyOf(variants);
    }

    public boolean contains(ReleaseVersion version) {
        return version.compareTo(first) >= 0 && version.compareTo(last) <= 0;
    }

    /** Whether every release from {@code from} to {@code to} falls into this line. */
    public boolean covers(ReleaseVersion from, ReleaseVersion to) {
        return from.compareTo(first) >= 0 && to.compareTo(last) <= 0;
    }
}
