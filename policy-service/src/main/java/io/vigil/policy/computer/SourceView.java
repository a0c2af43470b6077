package io.vigil.policy.computer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.policy.resolution.Source;

/** Where an effective value comes from: {@code {"level": "policy", "policyID": 7}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(String level, Long policyID, String rule) {

    public static SourceView of(Source source) {
        return new SourceView(source.level(), source.policyID(), source.rule());
    }
}
