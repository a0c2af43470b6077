package io.vigil.policy.resolution;

/**
 * Where an effective value comes from: {@code computer}, {@code policy} (with its ID), {@code default} (the
 * contract's Base Policy default) or {@code rule} (with the rule's name).
 */
public record Source(String level, Long policyID, String rule) {

    public static final String APPLIANCE_RULE = "appliance-bidirectional";

    public static Source computer() {
        return new Source("computer", null, null);
    }

    public static Source policy(long id) {
        return new Source("policy", id, null);
    }

    public static Source defaults() {
        return new Source("default", null, null);
    }

    public static Source applianceRule() {
        return new Source("rule", null, APPLIANCE_RULE);
    }
}
