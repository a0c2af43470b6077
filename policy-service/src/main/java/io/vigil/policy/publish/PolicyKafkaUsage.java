package io.vigil.policy.publish;

import io.vigil.events.KafkaAccess;
import io.vigil.kafka.KafkaUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * What the start-up Kafka check verifies for this service: its topics (the ACL table) and the consumer group of its
 * {@code computers} and {@code api-key-usage} channels. The channels themselves are SmallRye Messaging's, made from the same {@code kafka.*}
 * configuration.
 */
@ApplicationScoped
public class PolicyKafkaUsage {

    @Produces
    @Singleton
    KafkaUsage usage(@ConfigProperty(name = "mp.messaging.incoming.computers.group.id") String group,
                     @ConfigProperty(name = "mp.messaging.incoming.api-key-usage.group.id") String usageGroup) {
        KafkaAccess.ServiceAccess access = KafkaAccess.of(KafkaAccess.POLICY_SERVICE).orElseThrow();
        return new KafkaUsage(access.reads(), access.writes(), List.of(group, usageGroup));
    }
}
