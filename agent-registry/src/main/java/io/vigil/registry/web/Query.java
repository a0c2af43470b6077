package io.vigil.registry.web;

import io.vigil.console.Problem;
import io.vigil.console.ProblemException;

import java.util.List;

/** Query parameter parsing that names the offending parameter. */
public final class Query {

    private Query() {
    }

    public static Long longParam(String name, String raw, long min, long max, List<Problem.InvalidParam> invalid) {
        if (raw == null) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            invalid.add(new Problem.InvalidParam(name, "must be a whole number", raw, min + " to " + max));
            return null;
        }
        invalid.add(new Problem.InvalidParam(name, "is out of range", raw, min + " to " + max));
        return null;
    }

    public static void validate(List<Problem.InvalidParam> invalid) {
        if (!invalid.isEmpty()) {
            String detail = invalid.stream().map(p -> "query parameter " + p.name() + " " + p.reason())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(Problem.invalid(detail, invalid));
        }
    }

    /** A path ID: a positive whole number, else the resource does not exist (404). */
    public static long pathId(String what, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to not found
        }
        throw ProblemException.notFound(what, raw);
    }
}
