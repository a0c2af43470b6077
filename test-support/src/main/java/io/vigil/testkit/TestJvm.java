package io.vigil.testkit;

import java.util.List;

/**
 * JVM options for the processes the tests start (Kafka, the services). By default they compile with C1 only: they
 * start sooner and a test run is mostly start-up. A benchmark measures what a deployment costs, so it sets
 * {@code -Dvigil.jvm.full-jit=true} (before anything starts) and the processes run with the JVM's full tiered
 * compilation, as the images do; so does {@code ./vigil up} for the broker of the platform it runs.
 */
public final class TestJvm {

    /** The system property that turns the quick-start compilation off. */
    public static final String FULL_JIT_PROPERTY = "vigil.jvm.full-jit";

    private TestJvm() {
    }

    /** The compilation options of a process the tests start. */
    public static List<String> compilationOptions() {
        return Boolean.getBoolean(FULL_JIT_PROPERTY) ? List.of() : List.of("-XX:TieredStopAtLevel=1");
    }
}
