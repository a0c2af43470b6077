package io.vigil.console.keys;

import io.vigil.console.ApiKeys;
import io.vigil.events.apikey.ApiKeyRecord;

import java.time.Instant;
import java.util.HexFormat;

/**
 * A managed key as a console service holds it in memory: no secret, only its SHA-256.
 *
 * @param expiresAt null: never expires
 */
public record ManagedKey(long id, ApiKeys.Role role, Instant expiresAt, byte[] digest, boolean revoked) {

    /** The key a record of {@code vigil.internal.api-keys} describes; an unreadable one is refused. */
    public static ManagedKey of(ApiKeyRecord record) {
        if (record.id() <= 0) {
            throw new IllegalArgumentException("the key ID must be positive");
        }
        ApiKeys.Role role = ApiKeys.Role.of(record.role())
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + record.role()));
        if (record.secretHash() == null || record.secretHash().length() != 64) {
            throw new IllegalArgumentException("secretHash must be a hex SHA-256");
        }
        return new ManagedKey(record.id(), role, record.expiresAt(), HexFormat.of().parseHex(record.secretHash()),
                record.revoked());
    }

    /** Whether the key works at {@code now}: not revoked and not yet expired. */
    public boolean usableAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }
}
