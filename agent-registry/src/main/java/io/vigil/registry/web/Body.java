package io.vigil.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON object body field by field, collecting every offending field; {@link #validate()} then answers 400
 * naming all of them. A null JSON value counts as absent.
 */
public final class Body {

    private final JsonNode node;
    private final List<Problem.InvalidParam> invalid = new ArrayList<>();

    private Body(JsonNode node) {
        this.node = node;
    }

    /** Requires a JSON object whose members are all among {@code known} (null: any member allowed). */
    public static Body of(JsonNode node, Set<String> known) {
        if (node == null || !node.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        Body body = new Body(node);
        for (Iterator<String> names = node.fieldNames(); known != null && names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                body.fail(name, "is not a known field", null, String.join(", ", known.stream().sorted().toList()));
            }
        }
        return body;
    }

    /** Any JSON object; members not read are ignored (internal APIs, where additive changes must not break). */
    public static Body lenient(JsonNode node) {
        return of(node, null);
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public Long longValue(String name, boolean required, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return missing(name, required);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            return fail(name, "must be a whole number", value.toString(), min + " to " + max);
        }
        long v = value.asLong();
        if (v < min || v > max) {
            return fail(name, "is out of range", value.toString(), min + " to " + max);
        }
        return v;
    }

    public Integer intValue(String name, boolean required, int min, int max) {
        Long v = longValue(name, required, min, max);
        return v == null ? null : v.intValue();
    }

    public String text(String name, boolean required, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return missing(name, required);
        }
        if (!value.isTextual()) {
            return fail(name, "must be a string", value.toString(), null);
        }
        String v = value.asText().strip();
        if (v.isEmpty()) {
            return fail(name, "must not be blank", value.toString(), null);
        }
        if (v.length() > maxLength || v.chars().anyMatch(Character::isISOControl)) {
            return fail(name, "must be at most " + maxLength + " printable characters", null, null);
        }
        return v;
    }

    public String oneOf(String name, boolean required, List<String> allowed) {
        String v = text(name, required, 64);
        if (v != null && !allowed.contains(v)) {
            return fail(name, "is not an allowed value", v, String.join(", ", allowed));
        }
        return v;
    }

    /** Any JSON value (for fields parsed by the caller, which reports problems through {@link #fail}). */
    public JsonNode raw(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public <T> T fail(String name, String reason, String value, String allowed) {
        invalid.add(new Problem.InvalidParam(name, reason, value, allowed));
        return null;
    }

    /** Throws a 400 naming every offending field, if any. */
    public void validate() {
        if (!invalid.isEmpty()) {
            String detail = invalid.stream().map(p -> p.name() + " " + p.reason())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(Problem.invalid(detail, invalid));
        }
    }

    private <T> T missing(String name, boolean required) {
        return required ? fail(name, "is required", null, null) : null;
    }
}
