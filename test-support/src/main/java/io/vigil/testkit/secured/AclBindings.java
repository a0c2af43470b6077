package io.vigil.testkit.secured;

import io.vigil.events.KafkaAccess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka ACLs of {@link KafkaAccess}: WRITE on each topic a service produces, READ on each topic it consumes, READ on
 * the consumer groups of its prefix. Nothing else is allowed (the broker has no allow-if-no-ACL fallback).
 */
public final class AclBindings {

    private AclBindings() {
    }

    public static List<AclBinding> of(KafkaAccess.ServiceAccess access) {
        List<AclBinding> bindings = new ArrayList<>();
        access.writes().forEach(topic -> bindings.add(allow(access, ResourceType.TOPIC, topic, PatternType.LITERAL,
                AclOperation.WRITE)));
        access.reads().forEach(topic -> bindings.add(allow(access, ResourceType.TOPIC, topic, PatternType.LITERAL,
                AclOperation.READ)));
        if (access.groupPrefix() != null) {
            bindings.add(allow(access, ResourceType.GROUP, access.groupPrefix(), PatternType.PREFIXED,
                    AclOperation.READ));
        }
        return bindings;
    }

    public static List<AclBinding> all() {
        return KafkaAccess.ALL.stream().flatMap(access -> of(access).stream()).toList();
    }

    /** Creates every binding (creating an existing one again changes nothing). */
    public static void install(Admin admin) {
        try {
            admin.createAcls(all()).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the Kafka ACLs: " + e.getMessage(), e);
        }
    }

    private static AclBinding allow(KafkaAccess.ServiceAccess access, ResourceType type, String name,
                                    PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(access.principal(), "*", operation, AclPermissionType.ALLOW));
    }
}
