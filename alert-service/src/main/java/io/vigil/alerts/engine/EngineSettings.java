package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.LivenessSettings;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaFailures;

import java.time.Duration;

/**
 * What one deadline engine needs, independent of the framework (so tests and benchmarks can run several).
 *
 * @param kafka           makes the engine's consumer from the service's whole Kafka configuration
 * @param failures        where the engine reports a consumer failure before it rebuilds
 * @param clockSkewMargin subtracted from every watermark before judging
 */
public record EngineSettings(KafkaClientFactory kafka, KafkaFailures failures, String groupId, Duration pollTimeout,
                             Duration watermarkRefresh, Duration clockSkewMargin, Duration rebuildLookback,
                             LivenessSettings defaults) {
}
