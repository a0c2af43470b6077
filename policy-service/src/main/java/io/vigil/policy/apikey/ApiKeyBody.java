package io.vigil.policy.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/apikeys}. */
@Schema(name = "ApiKeyRequest", example = "{\"name\": \"siem-reader\", \"description\": \"the SIEM's poller\", "
        + "\"role\": \"read-only\", \"expiresAt\": 1798761600000}")
public record ApiKeyBody(
        @NotBlank(message = "is required")
        @Size(max = 255, message = "must be at most 255 characters")
        @Schema(description = "A name for people; unique among the keys that are not revoked.", maxLength = 255)
        String name,
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Schema(description = "Free text; default empty.", maxLength = 2000)
        String description,
        @NotNull(message = "is required")
        @Schema(description = "full-access or read-only; never more than the calling key's own role.")
        ApiKeyRole role,
        @Schema(description = "When the key stops working, epoch milliseconds: in the future, at most 3650 days "
                + "ahead; absent: never.", format = "int64")
        Long expiresAt) {
}
