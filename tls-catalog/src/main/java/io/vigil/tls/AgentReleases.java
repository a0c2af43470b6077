package io.vigil.tls;

import java.util.List;
import java.util.Optional;

import static io.vigil.tls.ReleaseVersion.ANY;
import static io.vigil.tls.Suites.*;

/**
 * The agent's table of cipher suites per release, 9.5 through 20, FIPS and non-FIPS, as data, row by row.
 * A row covers exactly the releases it names: "9.5" is 9.5 without service pack, patch or update; "X and later" means
 * the later updates of that X, not later major or minor versions. Every release between two rows (11.0 U5, 9.5 P2,
 * 10.1 to 10.3, 11.1 to 11.3, 12.5, anything after 20) is unknown: nothing is inferred from the neighbouring rows.
 */
public final class AgentReleases {

    private static final List<String> TLS10 = List.of(Protocols.TLS10);
    private static final List<String> TLS12 = List.of(Protocols.TLS12);
    private static final List<String> AES_SHA = List.of(RSA_AES_256_CBC_SHA, RSA_AES_128_CBC_SHA);
    private static final List<String> AES_SHA_3DES = List.of(RSA_AES_256_CBC_SHA, RSA_AES_128_CBC_SHA,
            RSA_3DES_EDE_CBC_SHA);
    private static final List<String> FIVE = List.of(RSA_AES_256_CBC_SHA256, RSA_AES_128_GCM_SHA256,
            RSA_AES_128_CBC_SHA256, RSA_AES_256_CBC_SHA, RSA_AES_128_CBC_SHA);
    private static final List<String> RSA_SHA256 = List.of(RSA_AES_256_CBC_SHA256, RSA_AES_128_CBC_SHA256);
    private static final List<String> STRONG = List.of(ECDHE_RSA_AES_256_GCM_SHA384, ECDHE_RSA_AES_128_GCM_SHA256,
            ECDHE_RSA_AES_256_CBC_SHA384, ECDHE_RSA_AES_128_CBC_SHA256);
    private static final List<String> RSA_SHA256_AND_STRONG = List.of(RSA_AES_256_CBC_SHA256, RSA_AES_128_CBC_SHA256,
            ECDHE_RSA_AES_256_GCM_SHA384, ECDHE_RSA_AES_128_GCM_SHA256, ECDHE_RSA_AES_256_CBC_SHA384,
            ECDHE_RSA_AES_128_CBC_SHA256);
    private static final List<String> FIPS_FOUR = List.of(ECDHE_RSA_AES_256_CBC_SHA384,
            ECDHE_RSA_AES_128_CBC_SHA256, RSA_AES_256_CBC_SHA256, RSA_AES_128_CBC_SHA256);

    /** The rows of the table, oldest first. */
    public static final List<ReleaseLine> LINES = List.of(
            line("9.5", v(9, 5, 0, 0, 0), v(9, 5, 0, 0, 0), standard(TLS10, AES_SHA)),
            line("9.5 SP1 to SP1 P3 U2", v(9, 5, 1, 0, 0), v(9, 5, 1, 3, 2), standard(TLS10, AES_SHA_3DES)),
            line("9.5 SP1 P3 U3 to U8", v(9, 5, 1, 3, 3), v(9, 5, 1, 3, 8), standard(TLS12, FIVE)),
            line("9.6 to 9.6 P1", v(9, 6, 0, 0, 0), v(9, 6, 0, 1, 0), standard(TLS10, AES_SHA)),
            line("9.6 P2 to 9.6 SP1 P1 U4", v(9, 6, 0, 2, 0), v(9, 6, 1, 1, 4), standard(TLS10, AES_SHA_3DES)),
            line("9.6 SP1 P1 U5 to U21", v(9, 6, 1, 1, 5), v(9, 6, 1, 1, 21), standard(TLS12, FIVE)),
            line("10.0 to U15", v(10, 0, 0, 0, 0), v(10, 0, 0, 0, 15), standard(TLS12, RSA_SHA256)),
            // "supported as is": the two RSA suites, and the four ECDHE ones; with strong suites enabled only those
            line("10.0 U16 and later", v(10, 0, 0, 0, 16), v(10, 0, 0, 0, ANY),
                    standard(TLS12, RSA_SHA256_AND_STRONG), new AgentTls("strong", TLS12, STRONG)),
            line("11.0 to U4", v(11, 0, 0, 0, 0), v(11, 0, 0, 0, 4), standard(TLS12, FIPS_FOUR)),
            line("11.0 U6 and later", v(11, 0, 0, 0, 6), v(11, 0, 0, 0, ANY),
                    standard(TLS12, STRONG), new AgentTls("fips", TLS12, FIPS_FOUR)),
            line("12.0", v(12, 0, 0, 0, 0), v(12, 0, ANY, ANY, ANY),
                    standard(TLS12, STRONG), new AgentTls("fips", TLS12, FIPS_FOUR)),
            line("20", v(20, 0, 0, 0, 0), v(20, 0, ANY, ANY, ANY),
                    standard(TLS12, STRONG), new AgentTls("fips", TLS12, FIPS_FOUR)));

    private AgentReleases() {
    }

    /** The row of a release name such as {@code 10.0 U16}; empty when the table does not list it. */
    public static Optional<ReleaseLine> forRelease(String release) {
        return ReleaseVersion.parse(release).flatMap(AgentReleases::lineOf);
    }

    /**
     * The row of an agent known only by its build version (e.g. {@code 20.0.1-3445}): only where the major.minor
     * alone decides, i.e. all its updates fall into one row (12.0 and 20 do; 10.0 and 11.0 do not; a major.minor no row names is unknown).
     */
    public static Optional<ReleaseLine> forAgentVersion(String agentVersion) {
        return ReleaseVersion.majorMinorOfBuild(agentVersion).flatMap(v -> {
            ReleaseVersion from = ReleaseVersion.of(v.major(), v.minor(), 0, 0, 0);
            ReleaseVersion to = ReleaseVersion.of(v.major(), v.minor(), ANY, ANY, ANY);
            return LINES.stream().filter(line -> line.covers(from, to)).findFirst();
        });
    }

    public static Optional<ReleaseLine> lineOf(ReleaseVersion version) {
        return LINES.stream().filter(line -> line.contains(version)).findFirst();
    }

    private static ReleaseLine line(String name, ReleaseVersion first, ReleaseVersion last, AgentTls... variants) {
        return new ReleaseLine(name, first, last, List.of(variants));
    }

    private static AgentTls standard(List<String> protocols, List<String> suites) {
        return new AgentTls("standard", protocols, suites);
    }

    private static ReleaseVersion v(int major, int minor, int sp, int patch, int update) {
        return ReleaseVersion.of(major, minor, sp, patch, update);
    }
}
