package io.vigil.deploy.rehearsal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process's user or group as its container sees it: the host's ID from {@code /proc/<pid>/status} translated through
 * the process's {@code uid_map} or {@code gid_map} (an identity map for an engine running as root, a shifted one for a
 * rootless engine or user-namespace remapping).
 */
final class ProcessIdentity {

    private ProcessIdentity() {
    }

    /** The effective ID named {@code field} ({@code Uid} or {@code Gid}) inside the process's user namespace. */
    static long inContainer(String status, String field, String idMap) {
        Matcher ids = Pattern.compile("(?m)^" + field + ":\\s+\\d+\\s+(\\d+)").matcher(status);
        if (!ids.find()) {
            throw new IllegalStateException("no " + field + " line in " + status);
        }
        long host = Long.parseLong(ids.group(1));
        for (String line : idMap.strip().split("\n")) {
            String[] range = line.strip().split("\\s+");
            long inside = Long.parseLong(range[0]);
            long outside = Long.parseLong(range[1]);
            long count = Long.parseLong(range[2]);
            if (host >= outside && host < outside + count) {
                return inside + host - outside;
            }
        }
        throw new IllegalStateException("host ID " + host + " is not mapped by " + idMap);
    }
}
