package io.vigil.policy.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A managed key as the console lists it, never its secret. Times in epoch milliseconds; {@code expiresAt} null:
 * never; {@code lastUsed} null: never used (reported by the console services in batches, so it lags by up to their
 * reporting interval); {@code active} false once revoked or expired.
 */
@Schema(name = "ApiKey")
public record ApiKeyView(@JsonProperty("ID") long id, String name, String description, String role, long created,
                         String createdBy, Long expiresAt, Long lastUsed, boolean active, Long revokedAt,
                         String revokedBy) {

    public static ApiKeyView of(ApiKeyEntity key, Instant now) {
        boolean expired = key.expiresAt != null && !now.isBefore(key.expiresAt);
        return new ApiKeyView(key.id, key.name, key.description, key.role, key.createdAt.toEpochMilli(),
                key.createdBy, millis(key.expiresAt), millis(key.lastUsedAt), key.revokedAt == null && !expired,
                millis(key.revokedAt), key.revokedBy);
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }
}
