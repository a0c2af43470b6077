package io.vigil.registry.kafka;

import io.vigil.events.KafkaAccess;
import io.vigil.kafka.KafkaUsage;
import io.vigil.registry.config.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** What the start-up Kafka check verifies for this service: its topics (the ACL table) and the status group. */
@ApplicationScoped
public class RegistryKafkaUsage {

    @Produces
    @Singleton
    KafkaUsage usage(RegistryConfig config) {
        KafkaAccess.ServiceAccess access = KafkaAccess.of(KafkaAccess.AGENT_REGISTRY).orElseThrow();
        return new KafkaUsage(access.reads(), access.writes(), List.of(config.status().groupId()));
    }
}
