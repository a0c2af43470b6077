package io.vigil.registry.status;

import java.util.Map;

/**
 * Where the status engine hands the listening ports that agents reported and that differ from the registered ones
 * ({@link ListeningPortRule}). The registry's implementation changes the computers and publishes their registrations;
 * the engine calls it from its background writer, before it stores its own state, so a failure restarts the engine
 * from the stored state and the heartbeat is read again.
 */
@FunctionalInterface
public interface ListeningPortSink {

    /** Makes the changes durable; throws when it cannot. {@code ports}: computer ID to reported port. */
    void adopt(Map<Long, Integer> ports);

    /** Adopts nothing (benchmarks, engines without a registry). */
    ListeningPortSink NONE = ports -> {
    };
}
