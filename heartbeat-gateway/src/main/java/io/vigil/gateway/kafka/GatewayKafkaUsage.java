package io.vigil.gateway.kafka;

import io.vigil.events.KafkaAccess;
import io.vigil.gateway.GatewayConfig;
import io.vigil.kafka.KafkaUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** What the start-up Kafka check verifies for this service: its topics (the ACL table) and the contact group. */
@ApplicationScoped
public class GatewayKafkaUsage {

    @Produces
    @Singleton
    KafkaUsage usage(GatewayConfig config) {
        KafkaAccess.ServiceAccess access = KafkaAccess.of(KafkaAccess.HEARTBEAT_GATEWAY).orElseThrow();
        return new KafkaUsage(access.reads(), access.writes(), List.of(config.agents().contactGroup()));
    }
}
