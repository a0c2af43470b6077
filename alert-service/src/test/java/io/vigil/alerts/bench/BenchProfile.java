package io.vigil.alerts.bench;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The benchmark's fleet: every computer at a 120-second interval with threshold 0 (offline at I + G = 132 s). */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("vigil.alerts.defaults.heartbeat-interval", "120s",
                "vigil.alerts.defaults.missed-threshold", "0",
                "vigil.alerts.engine.group-id", "alert-bench-" + System.nanoTime(),
                "quarkus.log.category.\"io.vigil.alerts.engine.EngineSink\".level", "WARN");
    }
}
