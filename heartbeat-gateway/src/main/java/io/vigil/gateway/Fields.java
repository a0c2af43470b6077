package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Collects every offending field of an agent's JSON body, then fails with one 400 problem naming them all. */
public final class Fields {

    private final List<Problem.InvalidParam> invalid = new ArrayList<>();

    public void invalid(String field, String reason) {
        invalid.add(new Problem.InvalidParam(field, reason));
    }

    public void throwIfInvalid() {
        if (!invalid.isEmpty()) {
            String names = invalid.stream().map(Problem.InvalidParam::name).distinct().toList().toString();
            throw new ProblemException(Problem.invalid("invalid fields " + names + ": "
                    + invalid.getFirst().name() + " " + invalid.getFirst().reason(), invalid));
        }
    }

    public List<Problem.InvalidParam> problems() {
        return List.copyOf(invalid);
    }

    /** A required or optional string of at most {@code max} characters; null when absent (and optional) or invalid. */
    public String string(JsonNode parent, String name, String path, boolean required, int max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                invalid(path, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            invalid(path, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (!AgentValues.isText(value)) {
            invalid(path, "must not contain NUL or unpaired surrogates");
            return null;
        }
        if (required && value.isBlank()) {
            invalid(path, "must not be empty");
            return null;
        }
        if (value.length() > max) {
            invalid(path, "must have at most " + max + " characters");
            return null;
        }
        return value;
    }

    public String oneOf(JsonNode parent, String name, String path, boolean required, Set<String> allowed) {
        String value = string(parent, name, path, required, 64);
        if (value != null && !allowed.contains(value)) {
            invalid(path, "must be one of " + allowed.stream().sorted().toList());
            return null;
        }
        return value;
    }

    /**
     * An RFC 3339 timestamp with offset within {@link AgentValues#EARLIEST_TIME} and {@link AgentValues#LATEST_TIME},
     * returned unchanged (agent times pass through).
     */
    public String timestamp(JsonNode parent, String name, String path, boolean required) {
        String value = string(parent, name, path, required, 64);
        String problem = value == null ? null : AgentValues.timeProblem(value);
        if (problem != null) {
            invalid(path, problem);
            return null;
        }
        return value;
    }

    /** An integer within bounds; null when absent (and optional) or invalid. */
    public Long integer(JsonNode parent, String name, String path, boolean required, long min, long max) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                invalid(path, "is required");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            invalid(path, "must be an integer between " + min + " and " + max);
            return null;
        }
        long value = node.longValue();
        if (value < min || value > max) {
            invalid(path, "must be between " + min + " and " + max);
            return null;
        }
        return value;
    }
}
