package io.vigil.console.rest;

import io.vigil.console.Problem;
import io.vigil.console.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Conditional writes (RFC 9110): a resource's {@code ETag} names the version of its state, and a write that carries
 * {@code If-Match} happens only while that version is current, so that two consoles cannot overwrite each other
 * blindly. A write without {@code If-Match} is unconditional. {@code If-Match: *} matches any existing resource. The
 * comparison is strong: a weak tag ({@code W/"..."}) never matches. Plain Java.
 */
public final class EntityTags {

    public static final String IF_MATCH = "If-Match";

    private EntityTags() {
    }

    /** The strong entity tag of a state given in a canonical text form: a quoted 128-bit SHA-256 prefix in hex. */
    public static String of(String canonicalState) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalState.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * Refuses a write whose {@code If-Match} does not name the current version: 412 precondition-failed; a header
     * that is no list of entity tags is a 400 naming it. Null (no header): the write is unconditional.
     */
    public static void require(String ifMatch, String current) {
        if (ifMatch == null || matches(ifMatch, current)) {
            return;
        }
        throw new ProblemException(Problem.of(412, "precondition-failed", "Precondition failed",
                "the resource changed since it was read (If-Match " + ifMatch.strip() + ", current ETag " + current
                        + "): read it again and retry"));
    }

    /** Whether {@code ifMatch} names {@code current} (strong comparison); 400 when it is malformed. */
    public static boolean matches(String ifMatch, String current) {
        String text = ifMatch.strip();
        if (text.equals("*")) {
            return true;
        }
        for (String tag : tags(ifMatch)) {
            if (tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        String rest = header.strip();
        while (!rest.isEmpty()) {
            boolean weak = rest.startsWith("W/");
            String tag = weak ? rest.substring(2) : rest;
            int end = tag.indexOf('"', 1);
            if (!tag.startsWith("\"") || end < 0) {
                throw malformed(header);
            }
            if (!weak) {
                tags.add(tag.substring(0, end + 1));
            }
            rest = tag.substring(end + 1).strip();
            if (rest.startsWith(",")) {
                rest = rest.substring(1).strip();
            } else if (!rest.isEmpty()) {
                throw malformed(header);
            }
        }
        if (header.isBlank()) {
            throw malformed(header);
        }
        return tags;
    }

    private static ProblemException malformed(String header) {
        return ProblemException.invalid(IF_MATCH, "must be * or a comma-separated list of quoted entity tags",
                header, "the ETag of the resource, e.g. \"3f2a...\"");
    }
}
