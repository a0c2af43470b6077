package io.vigil.policy.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.ProblemException;

/** Reads {@code {"value": "…"}} bodies. */
public final class SettingBodies {

    private SettingBodies() {
    }

    public static String value(JsonNode body) {
        JsonNode value = body == null ? null : body.get("value");
        if (body == null || !body.isObject() || value == null || !value.isTextual()) {
            throw ProblemException.invalid("value", "the body must be {\"value\": \"…\"} with a string value",
                    body == null ? null : body.toString(), "{\"value\": \"…\"}");
        }
        return value.textValue();
    }
}
