package io.vigil.policy.tree;

/** A policy-tree rule that a requested change breaks. */
public class RuleViolation extends RuntimeException {

    /** How the violation is answered: an invalid request, a conflict with the current state, or a missing policy. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND }

    private final Kind kind;
    private final String field;

    public RuleViolation(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request member concerned ({@code parentID}, {@code name}), or null. */
    public String field() {
        return field;
    }
}
