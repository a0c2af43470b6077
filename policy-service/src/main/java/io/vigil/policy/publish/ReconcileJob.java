package io.vigil.policy.publish;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Durable work for the relay: which configurations to re-derive and publish where they changed. */
@Entity
@Table(name = "reconcile_job")
public class ReconcileJob {

    public static final String SUBTREE = "SUBTREE";
    public static final String POLICIES = "POLICIES";
    public static final String COMPUTER = "COMPUTER";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;

    @Column(name = "policy_id")
    public Long policyId;

    @Column(name = "computer_id")
    public Long computerId;

    /** Computers with an ID up to this one are done (SUBTREE). */
    @Column(name = "cursor_id")
    public long cursorId;

    @Column(name = "created_at")
    public Instant createdAt;

    public static ReconcileJob subtree(long policyId) {
        return of(SUBTREE, policyId, null);
    }

    public static ReconcileJob policies() {
        return of(POLICIES, null, null);
    }

    public static ReconcileJob computer(long computerId) {
        return of(COMPUTER, null, computerId);
    }

    private static ReconcileJob of(String kind, Long policyId, Long computerId) {
        ReconcileJob job = new ReconcileJob();
        job.kind = kind;
        job.policyId = policyId;
        job.computerId = computerId;
        job.createdAt = Instant.now();
        return job;
    }
}
