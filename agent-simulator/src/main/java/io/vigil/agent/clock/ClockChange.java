package io.vigil.agent.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * A change of the agent's wall clock: what it read just before and just after.
 *
 * @param previousTime the agent's time just before the change
 * @param newTime      the agent's time just after the change
 */
public record ClockChange(Instant previousTime, Instant newTime) {

    /** The change in signed whole seconds (rounded half away from zero), as event 5004 reports it. */
    public long changeSeconds() {
        long millis = Duration.between(previousTime, newTime).toMillis();
        return millis >= 0 ? (millis + 500) / 1000 : -((-millis + 500) / 1000);
    }
}
