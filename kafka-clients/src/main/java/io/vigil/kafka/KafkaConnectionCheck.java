package io.vigil.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Proves, with the service's own configuration and within a time limit, that it can use Kafka: the cluster answers
 * (so TLS and SASL succeeded), every topic it needs exists and its principal may read or write it, and it may join its
 * consumer groups. Returns the first {@link KafkaProblem}, or null when all is well.
 */
public final class KafkaConnectionCheck {

    private final KafkaClientFactory clients;
    private final KafkaUsage usage;
    private final Duration timeout;

    public KafkaConnectionCheck(KafkaClientFactory clients, KafkaUsage usage, Duration timeout) {
        this.clients = clients;
        this.usage = usage;
        this.timeout = timeout;
    }

    /** How the broker knows this service, for messages: the SASL user name, else the TLS or anonymous principal. */
    public String principal() {
        Object jaas = clients.configuration().get("sasl.jaas.config");
        if (jaas != null) {
            var matcher = java.util.regex.Pattern.compile("username\\s*=\\s*\"([^\"]*)\"").matcher(jaas.toString());
            if (matcher.find()) {
                return "User:" + matcher.group(1);
            }
        }
        if (clients.configuration().get("ssl.keystore.location") != null
                || clients.configuration().get("ssl.keystore.certificate.chain") != null) {
            return "the principal of this service's client certificate";
        }
        return "this service's principal";
    }

    public KafkaProblem run(String clientId) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin admin = null;
        try {
            admin = clients.admin(clientId);
            return check(admin, deadline);
        } catch (ExecutionException e) {
            return explain(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            return explain(new org.apache.kafka.common.errors.TimeoutException("waited " + timeout.toSeconds()
                    + " s", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return explain(e);
        } catch (RuntimeException e) { // building the client: a missing trust store file, a bad JAAS line
            return explain(e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    private KafkaProblem explain(Throwable failure) {
        return KafkaProblem.of(failure, principal(), clients.configuration());
    }

    /** The configuration the checked clients are made from (secrets included: never log it). */
    Map<String, Object> configuration() {
        return clients.configuration();
    }

    private KafkaProblem check(Admin admin, long deadline)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        int ms = (int) Math.max(1, timeout.toMillis());
        await(admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).clusterId(), deadline);
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(usage.topics(),
                new DescribeTopicsOptions().includeAuthorizedOperations(true).timeoutMs(ms)).topicNameValues();
        Map<String, Set<AclOperation>> topics = new HashMap<>();
        for (String topic : usage.topics()) {
            try {
                topics.put(topic, await(described.get(topic), deadline).authorizedOperations());
            } catch (ExecutionException e) {
                KafkaProblem problem = switch (e.getCause()) {
                    case UnknownTopicOrPartitionException missing -> new KafkaProblem(
                            KafkaProblem.Kind.MISSING_TOPIC, null, "Kafka topic " + topic + ", which this service "
                            + "uses, does not exist: create the platform's topics first");
                    // not even DESCRIBE: name the operation the service needs (READ and WRITE include DESCRIBE)
                    case TopicAuthorizationException refused -> refused(usage.reads().contains(topic)
                            ? AclOperation.READ : AclOperation.WRITE, "topic", topic, null);
                    default -> null;
                };
                if (problem == null) {
                    throw e;
                }
                return problem;
            }
        }
        KafkaProblem refused = firstMissing(usage.reads(), AclOperation.READ, "topic", topics::get);
        if (refused == null) {
            refused = firstMissing(usage.writes(), AclOperation.WRITE, "topic", topics::get);
        }
        return refused != null ? refused : checkGroups(admin, ms, deadline);
    }

    private KafkaProblem checkGroups(Admin admin, int ms, long deadline)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        if (usage.groups().isEmpty()) {
            return null;
        }
        Map<String, KafkaFuture<ConsumerGroupDescription>> described = admin.describeConsumerGroups(usage.groups(),
                new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true).timeoutMs(ms))
                .describedGroups();
        Map<String, Set<AclOperation>> groups = new HashMap<>();
        for (String group : usage.groups()) {
            try {
                groups.put(group, await(described.get(group), deadline).authorizedOperations());
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    // a group that does not exist yet: describing it was allowed, joining will create it
                    case GroupIdNotFoundException notYet -> groups.put(group, null);
                    case GroupAuthorizationException refused -> {
                        return refused(AclOperation.READ, "consumer group", group, null);
                    }
                    default -> throw e;
                }
            }
        }
        return firstMissing(usage.groups(), AclOperation.READ, "consumer group", groups::get);
    }

    /** The first resource whose allowed operations lack the needed one (null operations: the broker did not say). */
    private KafkaProblem firstMissing(List<String> resources, AclOperation needed, String kind,
                                      Function<String, Set<AclOperation>> allowed) {
        for (String resource : resources) {
            Set<AclOperation> ops = allowed.apply(resource);
            if (ops != null && !ops.contains(needed) && !ops.contains(AclOperation.ALL)) {
                return refused(needed, kind, resource, ops);
            }
        }
        return null;
    }

    private KafkaProblem refused(AclOperation needed, String kind, String resource, Set<AclOperation> allowed) {
        return new KafkaProblem(KafkaProblem.Kind.AUTHORIZATION, null, "Kafka ACLs do not allow " + principal()
                + " to " + needed.name() + " " + kind + " " + resource
                + (allowed == null ? "" : " (allowed: " + allowed + ")") + ": grant its principal " + needed.name()
                + " on " + kind + " " + resource);
    }

    private static <T> T await(KafkaFuture<T> future, long deadline) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        return future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
