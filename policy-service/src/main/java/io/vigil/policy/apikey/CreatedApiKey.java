package io.vigil.policy.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a creation: the key as {@link ApiKeyView} shows it and, this once, its secret ({@code secretKey}, the
 * value of the {@code api-secret-key} header).
 */
@Schema(name = "CreatedApiKey")
public record CreatedApiKey(@JsonProperty("ID") long id, String name, String description, String role, long created,
                            String createdBy, Long expiresAt, Long lastUsed, boolean active,
                            @Schema(description = "The secret: shown in this answer only, never again.")
                            String secretKey) {

    public static CreatedApiKey of(ApiKeyView key, String secret) {
        return new CreatedApiKey(key.id(), key.name(), key.description(), key.role(), key.created(), key.createdBy(),
                key.expiresAt(), key.lastUsed(), key.active(), secret);
    }
}
