package io.vigil.registry.summary;

import io.vigil.registry.computer.ConfigurationState;
import io.vigil.registry.status.StatusRules;
import io.vigil.tls.TlsCompatibility;
import io.vigil.tls.TlsMode;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The arithmetic of {@code GET /api/computers/summary}: folds groups of computers that share what the summary counts
 * by into the counts. Every computer counts once by {@code agentStatus}; only computers that are not deactivated
 * (status {@code inactive}) count by configuration state, agent release and TLS compatibility, since a deactivated
 * computer runs nothing the platform manages. Plain Java; not thread-safe.
 */
public final class FleetSummary {

    /** Computers that share status, configuration state, release, version and the TLS they were last seen using. */
    public record Group(String agentStatus, ConfigurationState configuration, String agentRelease,
                        String agentVersion, String tlsProtocol, String tlsCipherSuite, long computers) {
    }

    /** The counts; the modes in the order of {@link TlsMode}, the releases by name with unknown ones last. */
    public record Counts(long computers, Map<String, Long> byAgentStatus, Map<ConfigurationState, Long> configuration,
                         Map<String, Long> byAgentRelease, Map<TlsMode, Map<TlsCompatibility.Status, Long>> tls) {
    }

    private long computers;
    private final Map<String, Long> byStatus = new LinkedHashMap<>();
    private final Map<ConfigurationState, Long> configuration = new EnumMap<>(ConfigurationState.class);
    private final Map<String, Long> byRelease = new HashMap<>();
    private final Map<TlsMode, Map<TlsCompatibility.Status, Long>> tls = new EnumMap<>(TlsMode.class);

    public FleetSummary() {
        StatusRules.ALL.forEach(status -> byStatus.put(status, 0L));
        for (ConfigurationState state : ConfigurationState.values()) {
            configuration.put(state, 0L);
        }
        for (TlsMode mode : TlsMode.values()) {
            Map<TlsCompatibility.Status, Long> verdicts = new EnumMap<>(TlsCompatibility.Status.class);
            for (TlsCompatibility.Status status : TlsCompatibility.Status.values()) {
                verdicts.put(status, 0L);
            }
            tls.put(mode, verdicts);
        }
    }

    /** Adds a group; a status the model does not know is refused (it would make the counts disagree). */
    public FleetSummary add(Group group) {
        if (!byStatus.containsKey(group.agentStatus())) {
            throw new IllegalArgumentException("unknown agentStatus " + group.agentStatus());
        }
        long n = group.computers();
        computers += n;
        byStatus.merge(group.agentStatus(), n, Long::sum);
        if (StatusRules.INACTIVE.equals(group.agentStatus())) {
            return this;
        }
        configuration.merge(group.configuration(), n, Long::sum);
        byRelease.merge(Objects.requireNonNullElse(group.agentRelease(), ""), n, Long::sum);
        for (TlsMode mode : TlsMode.values()) {
            TlsCompatibility.Verdict verdict = TlsCompatibility.judge(mode, group.agentRelease(),
                    group.agentVersion(), group.tlsProtocol(), group.tlsCipherSuite());
            tls.get(mode).merge(verdict.status(), n, Long::sum);
        }
        return this;
    }

    public Counts counts() {
        Map<String, Long> releases = new LinkedHashMap<>();
        byRelease.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> e.getKey().isEmpty())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> releases.put(e.getKey().isEmpty() ? null : e.getKey(), e.getValue()));
        Map<TlsMode, Map<TlsCompatibility.Status, Long>> verdicts = new EnumMap<>(TlsMode.class);
        tls.forEach((mode, counts) -> verdicts.put(mode, Map.copyOf(counts)));
        return new Counts(computers, Map.copyOf(byStatus), Map.copyOf(configuration), releases, verdicts);
    }

    /** The statuses in the model's order. */
    public static List<String> statuses() {
        return StatusRules.ALL;
    }
}
