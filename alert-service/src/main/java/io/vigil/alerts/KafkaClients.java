package io.vigil.alerts;

import io.quarkus.arc.DefaultBean;
import io.vigil.events.KafkaAccess;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one idempotent producer (acks=all) of this service (outbox relay and liveness judgements), made by the shared
 * {@link KafkaClientFactory} from the whole {@code kafka.*} configuration, and what the start-up check verifies.
 */
@ApplicationScoped
public class KafkaClients {

    @Produces
    @ApplicationScoped
    @DefaultBean
    KafkaProducer<String, byte[]> producer(KafkaClientFactory kafka) {
        return kafka.producer("alert-service", Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.LINGER_MS_CONFIG, "2"));
    }

    void close(@Disposes KafkaProducer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }

    /** The topics of the ACL table and the engine's consumer group. */
    @Produces
    @Singleton
    KafkaUsage usage(AlertsConfig config) {
        KafkaAccess.ServiceAccess access = KafkaAccess.of(KafkaAccess.ALERT_SERVICE).orElseThrow();
        return new KafkaUsage(access.reads(), access.writes(), List.of(config.engine().groupId()));
    }
}
