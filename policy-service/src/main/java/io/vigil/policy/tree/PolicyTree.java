package io.vigil.policy.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy tree under the Base Policy and its rules: no cycles, the Base Policy has no parent and is never deleted,
 * a policy with child policies or computers is not deleted.
 */
public final class PolicyTree {

    public static final long BASE_POLICY_ID = 1;

    private final Map<Long, PolicyNode> nodes = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();

    public PolicyTree(Collection<PolicyNode> policies) {
        for (PolicyNode node : policies) {
            nodes.put(node.id(), node);
        }
        for (PolicyNode node : policies) {
            if (node.parentID() != null) {
                children.computeIfAbsent(node.parentID(), k -> new ArrayList<>()).add(node.id());
            }
        }
    }

    public Optional<PolicyNode> find(long id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public PolicyNode get(long id) {
        return find(id).orElseThrow(() -> new RuleViolation(RuleViolation.Kind.NOT_FOUND, null,
                "policy " + id + " does not exist"));
    }

    public boolean contains(long id) {
        return nodes.containsKey(id);
    }

    public Collection<PolicyNode> all() {
        return nodes.values();
    }

    /** The policy and its ancestors, nearest first, ending with the Base Policy. */
    public List<PolicyNode> chain(long id) {
        List<PolicyNode> chain = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        PolicyNode node = get(id);
        while (node != null && seen.add(node.id())) {
            chain.add(node);
            node = node.parentID() == null ? null : nodes.get(node.parentID());
        }
        return chain;
    }

    /** The policy and every policy below it. */
    public Set<Long> subtree(long id) {
        Set<Long> result = new LinkedHashSet<>();
        List<Long> queue = new ArrayList<>(List.of(id));
        while (!queue.isEmpty()) {
            long next = queue.removeLast();
            if (result.add(next)) {
                queue.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return result;
    }

    public boolean hasChildren(long id) {
        return !children.getOrDefault(id, List.of()).isEmpty();
    }

    /** Checks that {@code policyID} (null for a new policy) may be placed under {@code parentID}. */
    public void checkParent(Long policyID, Long parentID) {
        if (policyID != null && policyID == BASE_POLICY_ID) {
            if (parentID != null) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "parentID", "the Base Policy cannot have a parent");
            }
            return;
        }
        if (parentID == null) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "parentID",
                    "every policy other than the Base Policy has a parent");
        }
        if (!contains(parentID)) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "parentID",
                    "parent policy " + parentID + " does not exist");
        }
        if (policyID != null && subtree(policyID).contains(parentID)) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "parentID", "policy " + parentID
                    + (parentID.equals(policyID) ? " cannot be its own parent" : " is below policy " + policyID
                    + ": moving it there would make a cycle"));
        }
    }

    /** Checks that a policy may be deleted, given how many computers are assigned to it. */
    public void checkDeletable(long id, long computers) {
        get(id);
        if (id == BASE_POLICY_ID) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, null, "the Base Policy cannot be deleted");
        }
        if (hasChildren(id)) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, null, "policy " + id + " still has child policies");
        }
        if (computers > 0) {
            throw new RuleViolation(RuleViolation.Kind.CONFLICT, null,
                    "policy " + id + " still has " + computers + " computer(s) assigned");
        }
    }

    /** Checks that no other policy has this name. */
    public void checkNameFree(Long policyID, String name) {
        for (PolicyNode node : nodes.values()) {
            if (node.name().equals(name) && (policyID == null || node.id() != policyID)) {
                throw new RuleViolation(RuleViolation.Kind.CONFLICT, "name",
                        "a policy named \"" + name + "\" already exists (ID " + node.id() + ")");
            }
        }
    }
}
