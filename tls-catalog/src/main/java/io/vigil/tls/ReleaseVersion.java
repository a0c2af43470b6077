package io.vigil.tls;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Deep Security agent release as the release table names it: major.minor with optional service pack, patch and update,
 * e.g. {@code 9.5 SP1 P3 U3}, {@code 10.0 U16}, {@code 20}, {@code 20.0 LTS}. Ordered component by component.
 */
public record ReleaseVersion(int major, int minor, int servicePack, int patch, int update)
        implements Comparable<ReleaseVersion> {

    /** Stands for "any later" in a component of a range bound. */
    public static final int ANY = Integer.MAX_VALUE;

    private static final Pattern RELEASE = Pattern.compile(
            "(?i)^\\s*(\\d+)(?:\\.(\\d+))?(?:\\s+SP(\\d+))?(?:\\s+P(\\d+))?(?:\\s+U(\\d+))?(?:\\s+LTS)?\\s*$");
    private static final Pattern BUILD = Pattern.compile("^\\s*(\\d+)\\.(\\d+)\\.(\\d+)(?:[-.]\\d+)?\\s*$");

    public static ReleaseVersion of(int major, int minor, int servicePack, int patch, int update) {
        return new ReleaseVersion(major, minor, servicePack, patch, update);
    }

    /** Parses a release line name such as {@code 9.6 SP1 P1 U5}; empty when it is not one. */
    public static Optional<ReleaseVersion> parse(String release) {
        if (release == null) {
            return Optional.empty();
        }
        Matcher m = RELEASE.matcher(release);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ReleaseVersion(Integer.parseInt(m.group(1)), number(m.group(2)), number(m.group(3)),
                number(m.group(4)), number(m.group(5))));
    }

    /** The major.minor of an agent build version such as {@code 20.0.1-3445}; empty when it is not one. */
    public static Optional<ReleaseVersion> majorMinorOfBuild(String agentVersion) {
        if (agentVersion == null) {
            return Optional.empty();
        }
        Matcher m = BUILD.matcher(agentVersion);
        if (!m.matches()) {
            return parse(agentVersion);
        }
        return Optional.of(new ReleaseVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0, 0, 0));
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    @Override
    public int compareTo(ReleaseVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Integer.compare(servicePack, o.servicePack);
        }
        if (c == 0) {
            c = Integer.compare(patch, o.patch);
        }
        return c != 0 ? c : Integer.compare(update, o.update);
    }
}
