package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.LivenessSettings;

import java.time.Duration;

/**
 * What one deadline engine needs, independent of the framework (so tests and benchmarks can run several).
 *
 * @param clockSkewMargin subtracted from every watermark before judging
 */
public record EngineSettings(String bootstrapServers, String groupId, Duration pollTimeout,
                             Duration watermarkRefresh, Duration clockSkewMargin, Duration rebuildLookback,
                             LivenessSettings defaults) {
}
