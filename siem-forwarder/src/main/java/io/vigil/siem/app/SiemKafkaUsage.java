package io.vigil.siem.app;

import io.vigil.events.KafkaAccess;
import io.vigil.kafka.KafkaUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** What the start-up Kafka check verifies for this service: its topics (the ACL table) and its consumer group. */
@ApplicationScoped
public class SiemKafkaUsage {

    @Produces
    @Singleton
    KafkaUsage usage(SiemConfig config) {
        KafkaAccess.ServiceAccess access = KafkaAccess.of(KafkaAccess.SIEM_FORWARDER).orElseThrow();
        return new KafkaUsage(access.reads(), access.writes(), List.of(config.groupId()));
    }
}
