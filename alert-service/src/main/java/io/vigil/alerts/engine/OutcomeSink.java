package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.Outcome;

import java.util.List;

/** Where the engine hands its judgements; returns once they are durable (stored or handed to Kafka). */
public interface OutcomeSink {

    void accept(List<Outcome> outcomes);

    /** A record that could not be read: to the dead-letter topic with the reason. */
    void poison(String topic, int partition, long offset, byte[] key, byte[] value, String reason);

    /** One heartbeat consumed (for metrics). */
    default void heartbeatConsumed() {
    }
}
