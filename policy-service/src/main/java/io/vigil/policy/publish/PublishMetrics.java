package io.vigil.policy.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** Domain metrics on {@code /q/metrics}. */
@ApplicationScoped
public class PublishMetrics {

    private final Counter computerConfigurations;
    private final Counter policyConfigurations;
    private final Counter computerTombstones;
    private final Timer fanOut;

    public PublishMetrics(MeterRegistry registry) {
        computerConfigurations = Counter.builder("vigil.policy.configurations.published")
                .description("Configurations published and acknowledged by Kafka").tag("kind", "computer")
                .register(registry);
        policyConfigurations = Counter.builder("vigil.policy.configurations.published")
                .description("Configurations published and acknowledged by Kafka").tag("kind", "policy")
                .register(registry);
        computerTombstones = Counter.builder("vigil.policy.configurations.removed")
                .description("Tombstones published for deactivated computers").register(registry);
        fanOut = Timer.builder("vigil.policy.fanout.duration")
                .description("From a policy change's commit to the last republished computer configuration")
                .register(registry);
    }

    public void computersPublished(int count) {
        computerConfigurations.increment(count);
    }

    public void policiesPublished(int count) {
        policyConfigurations.increment(count);
    }

    public void computersRemoved(int count) {
        computerTombstones.increment(count);
    }

    public void fanOutFinished(Duration duration) {
        fanOut.record(duration);
    }
}
