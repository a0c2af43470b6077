package io.vigil.events;

import java.util.List;
import java.util.Optional;

/**
 * The least-privilege Kafka access of each service: its principal may WRITE only the topics it produces, READ only the
 * topics it consumes, and use only consumer groups whose id starts with its group prefix. This table is the one source
 * of the ACLs: the secured local broker of {@code test-support} grants exactly these, and the root README's service
 * table is checked against it. No service uses transactions; idempotent producers need only WRITE on their topics.
 */
public final class KafkaAccess {

    /**
     * One service's grants.
     *
     * @param service     the service, also its SASL user name (principal {@code User:<service>})
     * @param writes      topics it produces to (WRITE)
     * @param reads       topics it consumes (READ)
     * @param groupPrefix consumer group ids starting with this are its own (READ on a PREFIXED group pattern); the
     *                    service's default group id starts with it, null for a service that joins no group
     */
    public record ServiceAccess(String service, List<String> writes, List<String> reads, String groupPrefix) {

        public ServiceAccess {
            writes = List.copyOf(writes);
            reads = List.copyOf(reads);
        }

        /** The Kafka principal, {@code User:<service>}. */
        public String principal() {
            return "User:" + service;
        }
    }

    public static final String HEARTBEAT_GATEWAY = "heartbeat-gateway";
    public static final String POLICY_SERVICE = "policy-service";
    public static final String AGENT_REGISTRY = "agent-registry";
    public static final String ALERT_SERVICE = "alert-service";
    public static final String SIEM_FORWARDER = "siem-forwarder";
    public static final String WEB_CONSOLE = "web-console";

    public static final List<ServiceAccess> ALL = List.of(
            new ServiceAccess(HEARTBEAT_GATEWAY,
                    List.of(Topics.HEARTBEATS, Topics.AGENT_EVENTS, Topics.CONTACT_FAILURES, Topics.OPERATION_FAILURES),
                    List.of(Topics.COMPUTERS, Topics.COMPUTER_CONFIG, Topics.POLICY_CONFIG, Topics.OPERATION_FAILURES),
                    "vigil-gateway-"),
            new ServiceAccess(POLICY_SERVICE,
                    List.of(Topics.COMPUTER_CONFIG, Topics.POLICY_CONFIG, Topics.API_KEYS, Topics.API_KEY_USAGE,
                            Topics.AUDIT, Topics.DEAD_LETTER),
                    List.of(Topics.COMPUTERS, Topics.API_KEYS, Topics.API_KEY_USAGE),
                    "policy-service"),
            new ServiceAccess(AGENT_REGISTRY,
                    List.of(Topics.COMPUTERS, Topics.COMPUTER_STATUS, Topics.API_KEY_USAGE, Topics.AUDIT,
                            Topics.DEAD_LETTER),
                    List.of(Topics.HEARTBEATS, Topics.LIVENESS, Topics.CONTACT_FAILURES, Topics.COMPUTER_CONFIG,
                            Topics.COMPUTERS, Topics.API_KEYS),
                    "vigil-agent-registry"),
            new ServiceAccess(ALERT_SERVICE,
                    List.of(Topics.LIVENESS, Topics.LIVENESS_SNAPSHOTS, Topics.ALERTS, Topics.API_KEY_USAGE,
                            Topics.AUDIT, Topics.DEAD_LETTER),
                    List.of(Topics.HEARTBEATS, Topics.COMPUTER_CONFIG, Topics.COMPUTERS, Topics.LIVENESS_SNAPSHOTS,
                            Topics.API_KEYS),
                    "vigil-alert-service"),
            new ServiceAccess(SIEM_FORWARDER,
                    List.of(Topics.DEAD_LETTER),
                    List.of(Topics.ALERTS, Topics.AGENT_EVENTS, Topics.AUDIT, Topics.COMPUTERS, Topics.HEARTBEATS),
                    "siem-forwarder"),
            // the browser console's live stream: every replica reads every partition from its end, no group
            new ServiceAccess(WEB_CONSOLE,
                    List.of(),
                    List.of(Topics.COMPUTER_STATUS, Topics.ALERTS),
                    null));

    private KafkaAccess() {
    }

    /** The grants of one service, by name. */
    public static Optional<ServiceAccess> of(String service) {
        return ALL.stream().filter(a -> a.service().equals(service)).findFirst();
    }
}
