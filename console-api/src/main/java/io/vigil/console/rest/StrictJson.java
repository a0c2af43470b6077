package io.vigil.console.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON reading of typed request bodies: no silent coercion ({@code 42} is not the string {@code "42"}, {@code 1.5}
 * is not the ID 1, {@code "5"} is not the number 5), no unknown members (a type that tolerates them says so with
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)}), no null for a primitive. Jackson then reports the member, and
 * {@link io.vigil.console.ProblemMappers} names it in the problem. Untyped ({@link JsonNode}) and binary bodies are
 * read as before.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper mapper) {
        this.strict = strict(mapper.copy());
    }

    /** Applies the strict reading rules to {@code mapper} (also used by tests and clients that want the same). */
    @SuppressWarnings("deprecation")
    public static ObjectMapper strict(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return type == null || JsonNode.class.isAssignableFrom(type) ? null : strict;
    }
}
