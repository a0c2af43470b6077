package io.vigil.policy.tree;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTreeTest {

    //      1
    //     / \
    //    2   3
    //    |
    //    4
    //    |
    //    5
    static PolicyTree tree() {
        return new PolicyTree(List.of(node(1, null), node(2, 1L), node(3, 1L), node(4, 2L), node(5, 4L)));
    }

    static PolicyNode node(long id, Long parent) {
        return new PolicyNode(id, parent, id == 1 ? "Base Policy" : "P" + id, "", Map.of());
    }

    @Test
    void chainGoesFromThePolicyUpToTheBasePolicy() {
        assertThat(tree().chain(5)).extracting(PolicyNode::id).containsExactly(5L, 4L, 2L, 1L);
        assertThat(tree().chain(1)).extracting(PolicyNode::id).containsExactly(1L);
    }

    @Test
    void subtreeHoldsThePolicyAndEverythingBelowIt() {
        assertThat(tree().subtree(2)).containsExactlyInAnyOrder(2L, 4L, 5L);
        assertThat(tree().subtree(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
        assertThat(tree().subtree(3)).containsExactly(3L);
    }

    @Test
    void unknownPolicyIsNotFound() {
        assertThatThrownBy(() -> tree().get(99)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
        assertThat(tree().find(99)).isEmpty();
    }

    @Test
    void movingUnderADescendantOrItselfIsACycle() {
        assertThatThrownBy(() -> tree().checkParent(2L, 5L)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID);
            assertThat(e.field()).isEqualTo("parentID");
            assertThat(e.getMessage()).contains("cycle");
        });
        assertThatThrownBy(() -> tree().checkParent(2L, 4L)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> tree().checkParent(2L, 2L)).hasMessageContaining("its own parent");
    }

    @Test
    void movingElsewhereIsAllowed() {
        PolicyTree tree = tree();
        tree.checkParent(5L, 3L);
        tree.checkParent(4L, 1L);
        tree.checkParent(3L, 5L);
        tree.checkParent(null, 5L);
    }

    @Test
    void theBasePolicyGetsNoParentAndEveryOtherPolicyNeedsAnExistingOne() {
        assertThatThrownBy(() -> tree().checkParent(1L, 3L)).hasMessageContaining("Base Policy cannot have a parent");
        tree().checkParent(1L, null);
        assertThatThrownBy(() -> tree().checkParent(2L, null)).hasMessageContaining("has a parent");
        assertThatThrownBy(() -> tree().checkParent(null, null)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> tree().checkParent(2L, 99L)).hasMessageContaining("99 does not exist");
    }

    @Test
    void deletionRules() {
        PolicyTree tree = tree();
        assertThatThrownBy(() -> tree.checkDeletable(1, 0)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID));
        assertThatThrownBy(() -> tree.checkDeletable(4, 0)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.CONFLICT));
        assertThatThrownBy(() -> tree.checkDeletable(5, 1)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(e.getMessage()).contains("1 computer");
        });
        assertThatThrownBy(() -> tree.checkDeletable(42, 0)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
        tree.checkDeletable(5, 0);
        tree.checkDeletable(3, 0);
    }

    @Test
    void namesAreUnique() {
        assertThatThrownBy(() -> tree().checkNameFree(null, "P3")).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(e.field()).isEqualTo("name");
        });
        tree().checkNameFree(3L, "P3");
        tree().checkNameFree(null, "P6");
    }

    @Test
    void childrenAreKnown() {
        assertThat(tree().hasChildren(2)).isTrue();
        assertThat(tree().hasChildren(5)).isFalse();
        assertThat(tree().contains(5)).isTrue();
        assertThat(tree().all()).hasSize(5);
    }
}
