package io.vigil.policy.policy;

import io.smallrye.mutiny.Uni;
import io.vigil.policy.tree.PolicyTree;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** Reads the policy tree; every write to it first takes the tree lock so that writes are serial. */
@ApplicationScoped
public class PolicyStore {

    public Uni<List<PolicyEntity>> all(Mutiny.QueryProducer session) {
        return session.createQuery("from PolicyEntity p order by p.id", PolicyEntity.class).getResultList();
    }

    public Uni<PolicyTree> tree(Mutiny.QueryProducer session) {
        return all(session).map(PolicyStore::toTree);
    }

    public static PolicyTree toTree(List<PolicyEntity> policies) {
        return new PolicyTree(policies.stream().map(PolicyEntity::toNode).toList());
    }

    /** Locks the Base Policy row: the one lock every policy-tree write takes, for the rest of its transaction. */
    public Uni<Void> lockTree(Mutiny.Session session) {
        return session.find(PolicyEntity.class, PolicyTree.BASE_POLICY_ID, LockMode.PESSIMISTIC_WRITE).replaceWithVoid();
    }

    public Uni<Long> computersOn(Mutiny.Session session, long policyId) {
        return session.createQuery("select count(c) from ComputerEntity c where c.policyId = :id", Long.class)
                .setParameter("id", policyId).getSingleResult();
    }
}
