package io.vigil.console.rest;

import io.vigil.console.Problem;
import io.vigil.console.Problems;

import java.util.List;

/**
 * Path IDs: positive whole numbers. The typed ID of each resource ({@code PolicyID.fromString}, ...) calls one of
 * these, so a path segment that is no ID is answered before the resource method runs.
 */
public final class PathIds {

    private PathIds() {
    }

    /** An ID naming a resource; anything else names no resource: 404. */
    public static long orNotFound(String what, String text) {
        long id = parse(text);
        if (id <= 0) {
            throw Problems.webError(Problem.of(404, "not-found", "Not found", what + " " + text + " does not exist"));
        }
        return id;
    }

    /** An ID that must be well formed: 400 naming the path parameter otherwise. */
    public static long orInvalid(String param, String text) {
        long id = parse(text);
        if (id <= 0) {
            String reason = "must be a positive whole number";
            throw Problems.webError(Problem.invalid(param + ": " + reason,
                    List.of(new Problem.InvalidParam(param, reason, text, "1.."))));
        }
        return id;
    }

    private static long parse(String text) {
        try {
            return text == null ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
