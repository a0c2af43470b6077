package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.Outcome;

import java.util.List;

/** Where the engine hands its judgements; returns once they are durable (stored or handed to Kafka). */
public interface OutcomeSink {

    /**
     * Applies the judgements in order.
     *
     * @return the offline alerts held back instead of raised (platform-outage): the engine raises them later
     */
    List<Outcome.OfflineAlert> accept(List<Outcome> outcomes);

    /** A record that could not be read or judged: to the dead-letter topic with the reason. */
    void poison(String topic, int partition, long offset, byte[] key, byte[] value, String reason);

    /** One heartbeat consumed (for metrics). */
    default void heartbeatConsumed() {
    }

    /** Whether held-back offline alerts may be raised now (no platform-outage active or suspected). */
    default boolean offlineAlertsAllowed() {
        return true;
    }

    /** Whether a platform-outage is active (not only suspected): computers it held back get an allowance after it. */
    default boolean platformOutage() {
        return false;
    }

    /** Appends a record whose broker timestamp is reported to {@code clock} once acknowledged. */
    default void clockTick(BrokerClock clock) {
    }
}
