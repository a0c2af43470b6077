package io.vigil.policy.setting;

import java.util.regex.Pattern;

/** IPv6 text forms: RFC 4291 parsing (with {@code ::} and a trailing dotted IPv4) and RFC 5952 formatting. */
final class Ipv6 {

    private static final Pattern GROUP = Pattern.compile("^[0-9a-fA-F]{1,4}$");
    private static final Pattern IPV4 = Pattern.compile("^(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}$");

    private Ipv6() {
    }

    static byte[] parse(String text) {
        IllegalArgumentException bad = new IllegalArgumentException("\"" + text + "\" is not an IPv6 address");
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw bad;
        }
        int[] groups = new int[8];
        if (gap < 0) {
            if (parseGroups(text, groups, 8, true) != 8) {
                throw bad;
            }
        } else {
            String head = text.substring(0, gap);
            String tail = text.substring(gap + 2);
            int[] tailGroups = new int[8];
            int headCount = head.isEmpty() ? 0 : parseGroups(head, groups, -1, false);
            int tailCount = tail.isEmpty() ? 0 : parseGroups(tail, tailGroups, -1, true);
            if (headCount < 0 || tailCount < 0 || headCount + tailCount > 7) {
                throw bad;
            }
            System.arraycopy(tailGroups, 0, groups, 8 - tailCount, tailCount);
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (groups[i] >>> 8);
            bytes[2 * i + 1] = (byte) groups[i];
        }
        return bytes;
    }

    /**
     * Parses colon-separated groups (the last may be a dotted IPv4, worth two) into {@code out}.
     *
     * @param expected the exact count required, or -1
     * @param ipv4Allowed whether the last part may be a dotted IPv4
     * @return the number of 16-bit groups, or -1 when malformed
     */
    private static int parseGroups(String text, int[] out, int expected, boolean ipv4Allowed) {
        String[] parts = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (ipv4Allowed && i == parts.length - 1 && IPV4.matcher(part).matches()) {
                String[] octets = part.split("\\.");
                int[] v = new int[4];
                for (int j = 0; j < 4; j++) {
                    v[j] = Integer.parseInt(octets[j]);
                    if (v[j] > 255) {
                        return -1;
                    }
                }
                if (count + 2 > 8) {
                    return -1;
                }
                out[count++] = v[0] << 8 | v[1];
                out[count++] = v[2] << 8 | v[3];
            } else if (GROUP.matcher(part).matches() && count < 8) {
                out[count++] = Integer.parseInt(part, 16);
            } else {
                return -1;
            }
        }
        return expected < 0 || count == expected ? count : -1;
    }

    /** RFC 5952: lowercase, no leading zeros, the longest run (first on a tie) of two or more zero groups as "::". */
    static String format(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        if (isIpv4Mapped(groups)) {
            return "::ffff:" + (bytes[12] & 0xFF) + "." + (bytes[13] & 0xFF) + "." + (bytes[14] & 0xFF) + "."
                    + (bytes[15] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[5] == 0xFFFF;
    }
}
