package io.vigil.registry.configuration;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

/** Any JSON value (a number, a string, an array, null): a member's value in a configuration document. */
public record AnyJson(@JsonValue JsonNode value) {

    public static AnyJson of(JsonNode value) {
        return value == null ? null : new AnyJson(value);
    }
}
