package io.vigil.policy.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One member of {@code policySettings} in a request: {@code {"value": "…"}}, or {@code {"value": null}} to inherit. */
@Schema(description = "A setting value to set, or null to inherit it again.", example = "{\"value\": \"1 Minute\"}")
public record SettingEntry(
        @JsonProperty(required = true) @Schema(required = true, nullable = true, example = "1 Minute") String value) {
}
