package io.vigil.kafka;

import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.common.annotation.Identifier;
import io.vigil.kafka.tracing.RecordTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Makes the service's {@link KafkaClientFactory} from its whole Kafka configuration: the map Quarkus's Kafka client
 * extension builds from every {@code kafka.*} property and every {@code KAFKA_*} environment variable
 * ({@code KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}), the same one SmallRye Messaging's Kafka
 * connector uses. Its clients carry trace context with the service's OpenTelemetry (quarkus-opentelemetry), or none.
 */
@ApplicationScoped
public class KafkaClientBeans {

    @Produces
    @Singleton
    KafkaClientFactory clientFactory(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfiguration,
                                     Instance<OpenTelemetry> openTelemetry) {
        return new KafkaClientFactory(kafkaConfiguration, openTelemetry.isResolvable()
                ? new RecordTracing(openTelemetry.get()) : RecordTracing.off());
    }
}
