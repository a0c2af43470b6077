package io.vigil.webconsole.stream;

import io.vigil.events.KafkaAccess;
import io.vigil.kafka.KafkaUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/** What the start-up Kafka check verifies for the console: READ on its topics; it joins no consumer group. */
@ApplicationScoped
public class ConsoleKafkaUsage {

    @Produces
    @Singleton
    KafkaUsage usage() {
        KafkaAccess.ServiceAccess access = KafkaAccess.of(KafkaAccess.WEB_CONSOLE).orElseThrow();
        return new KafkaUsage(access.reads(), access.writes(), List.of());
    }
}
