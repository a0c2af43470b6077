package io.vigil.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The start-up check of the Kafka connection ({@link KafkaConnection}). */
@ConfigMapping(prefix = "vigil.kafka.check")
public interface KafkaCheckConfig {

    /** How long one check (cluster, topics, groups) may take before it counts as "Kafka unreachable". */
    @WithDefault("15s")
    Duration timeout();

    /** While the check fails, how often it is repeated (readiness turns UP at the first success). */
    @WithDefault("10s")
    Duration retryInterval();
}
