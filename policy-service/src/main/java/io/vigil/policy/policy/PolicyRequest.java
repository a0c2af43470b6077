package io.vigil.policy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A create or modify request. Members that are absent are left unchanged; {@code parentIDGiven} tells an explicit
 * {@code "parentID": null} from an absent one. A setting whose {@code value} is null is reset to inherit.
 */
public record PolicyRequest(String name, String description, boolean parentIDGiven, Long parentID,
                            Map<String, String> settings) {

    public static final int MAX_NAME = 254;
    public static final int MAX_DESCRIPTION = 2000;

    public static PolicyRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the body must be a JSON object");
        }
        List<Problem.InvalidParam> problems = new ArrayList<>();
        String name = text(body, "name", MAX_NAME, problems);
        if (name != null && name.isBlank()) {
            problems.add(new Problem.InvalidParam("name", "must not be blank"));
        }
        String description = text(body, "description", MAX_DESCRIPTION, problems);
        JsonNode parent = body.get("parentID");
        Long parentID = null;
        if (parent != null && !parent.isNull()) {
            if (parent.isIntegralNumber() && parent.canConvertToLong()) {
                parentID = parent.longValue();
            } else {
                problems.add(new Problem.InvalidParam("parentID", "must be a policy ID (an integer)"));
            }
        }
        Map<String, String> settings = settings(body.get("policySettings"), problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(Problem.invalid("the request has invalid members", problems));
        }
        return new PolicyRequest(name == null ? null : name.strip(), description, parent != null, parentID,
                settings);
    }

    private static String text(JsonNode body, String field, int max, List<Problem.InvalidParam> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem.InvalidParam(field, "must be a string"));
            return null;
        }
        if (node.textValue().length() > max) {
            problems.add(new Problem.InvalidParam(field, "must be at most " + max + " characters"));
            return null;
        }
        return node.textValue();
    }

    private static Map<String, String> settings(JsonNode node, List<Problem.InvalidParam> problems) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return settings;
        }
        if (!node.isObject()) {
            problems.add(new Problem.InvalidParam("policySettings", "must be an object of {\"value\": \"…\"}"));
            return settings;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue() == null ? null : entry.getValue().get("value");
            if (!entry.getValue().isObject() || value == null || !(value.isTextual() || value.isNull())) {
                problems.add(new Problem.InvalidParam("policySettings." + entry.getKey(),
                        "must be {\"value\": \"…\"} (a string, or null to inherit)"));
            } else {
                settings.put(entry.getKey(), value.isNull() ? null : value.textValue());
            }
        }
        return settings;
    }
}
