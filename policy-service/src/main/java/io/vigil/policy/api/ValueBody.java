package io.vigil.policy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that sets one setting: {@code {"value": "…"}}; the service checks and normalises the value. */
@Schema(name = "SettingValueRequest", example = "{\"value\": \"5 minutes\"}")
public record ValueBody(
        @JsonProperty(required = true)
        @NotNull(message = "must be a string: the body is {\"value\": \"…\"}")
        @Schema(required = true, description = "The new value, in any form the setting accepts (docs/settings.md).",
                example = "5 minutes")
        String value) {
}
