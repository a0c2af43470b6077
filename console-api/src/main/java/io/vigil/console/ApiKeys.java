package io.vigil.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured console API keys ({@code vigil.api-keys}: comma-separated {@code key:role}, role
 * {@code full-access} or {@code read-only}). Keys are compared in constant time and only their fingerprints leave
 * this class.
 */
public final class ApiKeys {

    /** What a key may do: {@code full-access} (everything) or {@code read-only} (GET only). */
    public enum Role {
        FULL_ACCESS("full-access"), READ_ONLY("read-only");

        public static final List<String> NAMES = List.of("full-access", "read-only");

        private final String word;

        Role(String word) {
            this.word = word;
        }

        /** The role as configuration and the REST API write it. */
        public String word() {
            return word;
        }

        /** A key of this role may hand out keys of {@code other}: never a role above its own. */
        public boolean covers(Role other) {
            return this == FULL_ACCESS || other == READ_ONLY;
        }

        public static Optional<Role> of(String word) {
            for (Role role : values()) {
                if (role.word.equals(word)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A caller identified by a key: the key itself is never exposed, only its SHA-256 fingerprint.
     *
     * @param managedKeyID the ID of a managed key (REST {@code /api/apikeys}), null for a bootstrap key of the
     *                     configuration
     */
    public record Caller(String keyFingerprint, Role role, Long managedKeyID) {

        public Caller(String keyFingerprint, Role role) {
            this(keyFingerprint, role, null);
        }

        public boolean mayWrite() {
            return role == Role.FULL_ACCESS;
        }

        /** How audit events name the caller: {@code api-key:<fingerprint>}, {@code api-key:managed:<ID>}. */
        public String actor() {
            return managedKeyID == null ? "api-key:" + keyFingerprint : "api-key:managed:" + managedKeyID;
        }
    }

    private record Entry(byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = entries;
    }

    public static ApiKeys parse(String spec) {
        List<Entry> entries = new ArrayList<>();
        if (spec != null) {
            for (String item : spec.split(",")) {
                String trimmed = item.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int colon = trimmed.lastIndexOf(':');
                if (colon <= 0 || colon == trimmed.length() - 1) {
                    throw new IllegalArgumentException("vigil.api-keys: each entry must be key:role");
                }
                String key = trimmed.substring(0, colon);
                Role role = Role.of(trimmed.substring(colon + 1)).orElseThrow(() -> new IllegalArgumentException(
                        "vigil.api-keys: role must be full-access or read-only"));
                byte[] digest = sha256(key);
                entries.add(new Entry(digest, new Caller(fingerprint(digest), role)));
            }
        }
        return new ApiKeys(List.copyOf(entries));
    }

    /** The caller for a presented key, comparing against every configured key in constant time. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    /** How audit records name a key: the first 16 hex digits of its SHA-256. */
    static String fingerprint(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
