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
 * @param maxHoldBack     how far behind judgement may fall (rebuilding, lagging) before the engine counts as not
 *                        judging (readiness down)
 */
public record EngineSettings(KafkaClientFactory kafka, KafkaFailures failures, String groupId, Duration pollTimeout,
                             Duration watermarkRefresh, Duration clockSkewMargin, Duration rebuildLookback,
                             LivenessSettings defaults, Duration maxHoldBack) {

    /** With the default {@code max-hold-back} of two minutes. */
    public EngineSettings(KafkaClientFactory kafka, KafkaFailures failures, String groupId, Duration pollTimeout,
                          Duration watermarkRefresh, Duration clockSkewMargin, Duration rebuildLookback,
                          LivenessSettings defaults) {
        this(kafka, failures, groupId, pollTimeout, watermarkRefresh, clockSkewMargin, rebuildLookback, defaults,
                Duration.ofMinutes(2));
    }
}
