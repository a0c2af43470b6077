package io.vigil.events;

import java.util.List;
import java.util.Map;

/**
 * Every Kafka topic of the platform with the partition count and configuration the services expect.
 * Topics keyed by computer share one partition count so that services can read them together.
 */
public final class Topics {

    /** Partitions of every topic keyed by computer ID. Fixed at creation. */
    public static final int COMPUTER_PARTITIONS = 12;

    public static final String HEARTBEATS = "vigil.heartbeats";
    public static final String AGENT_EVENTS = "vigil.agent-events";
    public static final String COMPUTER_STATUS = "vigil.computer-status";
    public static final String ALERTS = "vigil.alerts";
    public static final String AUDIT = "vigil.audit";

    /** Internal, compacted: each computer's effective settings and configuration document (policy-service). */
    public static final String COMPUTER_CONFIG = "vigil.internal.computer-config";
    /** Internal, compacted, keyed by policy ID: each policy's effective settings (policy-service). */
    public static final String POLICY_CONFIG = "vigil.internal.policy-config";
    /** Internal, compacted: each computer's identity, placement and certificate (agent-registry). */
    public static final String COMPUTERS = "vigil.internal.computers";
    /** Internal: missed-heartbeat judgements (alert-service owns the deadline arithmetic). */
    public static final String LIVENESS = "vigil.internal.liveness";
    /**
     * Internal, compacted, LogAppendTime: alert-service's per-computer liveness state (last heartbeat, misses, alert
     * raised), so that silences longer than the heartbeat topic's retention survive a restart or rebalance; also the
     * engine's clock ticks (keys {@code clock:...}) that tell it the broker's time.
     */
    public static final String LIVENESS_SNAPSHOTS = "vigil.internal.liveness-snapshots";
    /** Internal: failed manager-to-agent calls with their reason (heartbeat-gateway). */
    public static final String CONTACT_FAILURES = "vigil.internal.contact-failures";
    /** Internal, compacted: each computer's operations that its agent reported as failed (heartbeat-gateway). */
    public static final String OPERATION_FAILURES = "vigil.internal.operation-failures";
    /**
     * Internal, compacted, keyed by key ID: every managed console API key (name, role, expiry, SHA-256 of the secret,
     * revoked), published by policy-service, the keys' owner; every console service reads it in full into memory.
     */
    public static final String API_KEYS = "vigil.internal.api-keys";
    /**
     * Internal, keyed by key ID: when each console service last accepted a managed key, reported in batches (at most
     * one record per key and interval); policy-service merges them into the key's last use.
     */
    public static final String API_KEY_USAGE = "vigil.internal.api-key-usage";
    /** Internal: messages that could not be processed, with the reason in headers. */
    public static final String DEAD_LETTER = "vigil.dead-letter";

    private static final String WEEK_MS = Long.toString(7L * 24 * 3600 * 1000);
    private static final String DAY_MS = Long.toString(24L * 3600 * 1000);
    private static final String MONTH_MS = Long.toString(30L * 24 * 3600 * 1000);

    /**
     * One topic: name, partitions and topic-level configuration.
     *
     * @param retention human description for documentation
     */
    public record Spec(String name, int partitions, Map<String, String> config, String retention) {
    }

    public static final List<Spec> ALL = List.of(
            // LogAppendTime: the broker's clock is the one "received" clock for all gateways.
            new Spec(HEARTBEATS, COMPUTER_PARTITIONS,
                    Map.of("message.timestamp.type", "LogAppendTime", "retention.ms", DAY_MS), "1 day"),
            new Spec(AGENT_EVENTS, COMPUTER_PARTITIONS, Map.of("retention.ms", WEEK_MS), "7 days"),
            new Spec(COMPUTER_STATUS, COMPUTER_PARTITIONS, Map.of("retention.ms", WEEK_MS), "7 days"),
            new Spec(ALERTS, COMPUTER_PARTITIONS, Map.of("retention.ms", MONTH_MS), "30 days"),
            new Spec(AUDIT, COMPUTER_PARTITIONS, Map.of("retention.ms", MONTH_MS), "30 days"),
            new Spec(COMPUTER_CONFIG, COMPUTER_PARTITIONS, Map.of("cleanup.policy", "compact"), "compacted"),
            new Spec(POLICY_CONFIG, 1, Map.of("cleanup.policy", "compact"), "compacted"),
            new Spec(COMPUTERS, COMPUTER_PARTITIONS, Map.of("cleanup.policy", "compact"), "compacted"),
            new Spec(LIVENESS, COMPUTER_PARTITIONS, Map.of("retention.ms", WEEK_MS), "7 days"),
            new Spec(LIVENESS_SNAPSHOTS, COMPUTER_PARTITIONS,
                    Map.of("cleanup.policy", "compact", "message.timestamp.type", "LogAppendTime"), "compacted"),
            new Spec(CONTACT_FAILURES, COMPUTER_PARTITIONS, Map.of("retention.ms", DAY_MS), "1 day"),
            new Spec(OPERATION_FAILURES, COMPUTER_PARTITIONS, Map.of("cleanup.policy", "compact"), "compacted"),
            new Spec(API_KEYS, 1, Map.of("cleanup.policy", "compact"), "compacted"),
            new Spec(API_KEY_USAGE, 1, Map.of("retention.ms", DAY_MS), "1 day"),
            new Spec(DEAD_LETTER, 1, Map.of("retention.ms", MONTH_MS), "30 days"));

    private Topics() {
    }
}
