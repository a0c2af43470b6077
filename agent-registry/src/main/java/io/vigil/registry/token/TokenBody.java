package io.vigil.registry.token;

import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.Range;

/** The body of {@code POST /api/activationtokens}; every member optional. */
@Schema(name = "ActivationTokenRequest", example = "{\"policyID\": 7, \"expiresInSeconds\": 3600, \"maxUses\": 50, "
        + "\"onDuplicateHostName\": \"reactivate\"}")
public record TokenBody(
        @Positive(message = "must be a policy ID (a positive whole number)")
        @Schema(description = "The policy activated computers get; default 1 (the Base Policy).", minimum = "1",
                defaultValue = "1")
        Long policyID,
        @Range(min = TokenRequest.MIN_EXPIRES_IN_SECONDS, max = Long.MAX_VALUE,
                message = "must be at least " + TokenRequest.MIN_EXPIRES_IN_SECONDS + " seconds")
        @Schema(description = "Lifetime in seconds (60 to the configured maximum, 31536000 by default); default "
                + "86400.", minimum = "60", defaultValue = "86400")
        Long expiresInSeconds,
        @Range(min = 1, max = TokenRequest.MAX_USES, message = "must be from 1 to " + TokenRequest.MAX_USES)
        @Schema(description = "How many activations it allows; absent: unlimited.", minimum = "1",
                maximum = "1000000")
        Integer maxUses,
        @Schema(description = "What an activation does when the host name is already active; default reactivate.",
                defaultValue = "reactivate")
        DuplicateRule onDuplicateHostName) {
}
