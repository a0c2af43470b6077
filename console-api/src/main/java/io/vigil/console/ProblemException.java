package io.vigil.console;

import java.util.List;

/** Thrown by resources and services to answer with a problem+json; never logged with a stack trace. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.invalid(detail, List.of()));
    }

    public static ProblemException invalid(String name, String reason, String value, String allowed) {
        return new ProblemException(Problem.invalid(name + ": " + reason,
                List.of(new Problem.InvalidParam(name, reason, value, allowed))));
    }
}
