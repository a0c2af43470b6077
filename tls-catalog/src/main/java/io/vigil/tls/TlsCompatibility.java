package io.vigil.tls;

import java.util.List;
import java.util.Optional;

/**
 * Whether a computer can still connect when the gateway runs in a given mode. A computer's release is its
 * {@code agentRelease}, else its major version where that is unambiguous; where neither decides, the TLS it was last
 * seen using does, and otherwise it is unknown.
 */
public final class TlsCompatibility {

    public enum Status { COMPATIBLE, CUT_OFF, UNKNOWN }

    /** A judgement with the reason a person can act on. */
    public record Verdict(Status status, String reason) {
        /** The contract's word: {@code cut-off} or {@code unknown} ({@code compatible} is not listed). */
        public String word() {
            return status.name().toLowerCase().replace('_', '-');
        }
    }

    private TlsCompatibility() {
    }

    public static Verdict judge(TlsMode mode, String agentRelease, String agentVersion, String lastProtocol,
                                String lastSuite) {
        Optional<ReleaseLine> line = AgentReleases.forRelease(agentRelease);
        String known = "release " + agentRelease;
        if (line.isEmpty()) {
            line = AgentReleases.forAgentVersion(agentVersion);
            known = "version " + agentVersion;
        }
        if (line.isPresent()) {
            return byRelease(mode, line.get(), known, lastProtocol, lastSuite);
        }
        if (lastProtocol != null && lastSuite != null) {
            return mode.accepts(lastProtocol, lastSuite)
                    ? new Verdict(Status.COMPATIBLE, "last seen using " + lastSuite + " over " + lastProtocol)
                    : new Verdict(Status.CUT_OFF, "release unknown; last seen using " + lastSuite + " over "
                    + lastProtocol + ", which mode " + mode.configName() + " refuses");
        }
        return new Verdict(Status.UNKNOWN, "release unknown and never seen over TLS");
    }

    private static Verdict byRelease(TlsMode mode, ReleaseLine line, String known, String lastProtocol,
                                     String lastSuite) {
        List<AgentTls> variants = line.variants();
        if (lastProtocol != null && lastSuite != null) {
            List<AgentTls> seen = variants.stream().filter(v -> v.uses(lastProtocol, lastSuite)).toList();
            if (!seen.isEmpty()) {
                variants = seen;
            }
        }
        long able = variants.stream().filter(v -> v.canConnect(mode)).count();
        String row = known + " (" + line.name() + ")";
        if (able == variants.size()) {
            return new Verdict(Status.COMPATIBLE, row + " shares a suite with mode " + mode.configName());
        }
        if (able == 0) {
            return new Verdict(Status.CUT_OFF, row + " has no protocol and suite that mode " + mode.configName()
                    + " accepts");
        }
        return new Verdict(Status.UNKNOWN, row + ": only some of its crypto settings ("
                + variants.stream().filter(v -> v.canConnect(mode)).map(AgentTls::variant).toList()
                + ") can connect in mode " + mode.configName());
    }
}
