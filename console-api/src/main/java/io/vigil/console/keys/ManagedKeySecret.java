package io.vigil.console.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * The secret of a managed API key: {@code vk.<ID>.<43 characters>}, the key's ID and 256 random bits (base64url). The
 * ID lets a service find the one key to compare with; the random part is what makes it secret. Only the SHA-256 of
 * the whole secret is ever stored or published.
 */
public final class ManagedKeySecret {

    public static final String PREFIX = "vk.";
    /** Random bytes per secret (256 bits). */
    public static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ManagedKeySecret() {
    }

    /** A new secret for the key {@code id}. */
    public static String generate(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("a key ID is positive");
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + id + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The key ID a presented secret names, or empty when it is not of the managed form. */
    public static OptionalLong idOf(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        int dot = presented.indexOf('.', PREFIX.length());
        if (dot <= PREFIX.length() || dot - PREFIX.length() > 18 || dot == presented.length() - 1) {
            return OptionalLong.empty();
        }
        long id = 0;
        for (int i = PREFIX.length(); i < dot; i++) {
            char c = presented.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalLong.empty();
            }
            id = id * 10 + (c - '0');
        }
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** The SHA-256 of the secret's UTF-8 bytes. */
    public static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored and published form: lowercase hex SHA-256. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }
}
