package io.vigil.registry.summary;

import io.vigil.registry.computer.ConfigurationState;
import io.vigil.registry.status.StatusRules;
import io.vigil.tls.TlsCompatibility;
import io.vigil.tls.TlsMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/computers/summary}: the fleet counted by what consoles ask first. {@code computers} is every
 * computer the registry knows (deactivated ones too), each counted once in {@code byAgentStatus}; the other counts
 * cover the computers that are not deactivated.
 */
@Schema(description = "The fleet in numbers: every computer by agentStatus; those not deactivated by configuration "
        + "state, agent release and TLS compatibility with each TLS mode.")
public record ComputerSummary(long computers, ByAgentStatus byAgentStatus, ByConfiguration configuration,
                              List<ByRelease> byAgentRelease, List<ByTlsMode> tlsCompatibility) {

    /** Computers by {@code agentStatus} (the {@code status} filter of the list). */
    public record ByAgentStatus(long active, long offline, long vmStopped, long inactive) {
    }

    /** Computers not deactivated by configuration state (the {@code configuration} filter of the list). */
    public record ByConfiguration(long upToDate, long outOfDate, long unknown) {
    }

    /** Computers not deactivated with this {@code agentRelease} (null: the agent reported none). */
    public record ByRelease(String agentRelease, long computers) {
    }

    /**
     * Computers not deactivated by what the TLS mode would do to them (the verdicts of
     * {@code GET /api/computers/tlscompatibility?mode=}).
     */
    public record ByTlsMode(String mode, long compatible, long cutOff, long unknown) {
    }

    public static ComputerSummary of(FleetSummary.Counts counts) {
        Map<String, Long> status = counts.byAgentStatus();
        Map<ConfigurationState, Long> config = counts.configuration();
        List<ByRelease> releases = new ArrayList<>();
        counts.byAgentRelease().forEach((release, n) -> releases.add(new ByRelease(release, n)));
        List<ByTlsMode> modes = new ArrayList<>();
        for (TlsMode mode : TlsMode.values()) {
            Map<TlsCompatibility.Status, Long> verdicts = counts.tls().get(mode);
            modes.add(new ByTlsMode(mode.configName(), verdicts.get(TlsCompatibility.Status.COMPATIBLE),
                    verdicts.get(TlsCompatibility.Status.CUT_OFF), verdicts.get(TlsCompatibility.Status.UNKNOWN)));
        }
        return new ComputerSummary(counts.computers(),
                new ByAgentStatus(status.get(StatusRules.ACTIVE), status.get(StatusRules.OFFLINE),
                        status.get(StatusRules.VM_STOPPED), status.get(StatusRules.INACTIVE)),
                new ByConfiguration(config.get(ConfigurationState.UP_TO_DATE),
                        config.get(ConfigurationState.OUT_OF_DATE), config.get(ConfigurationState.UNKNOWN)),
                releases, modes);
    }
}
