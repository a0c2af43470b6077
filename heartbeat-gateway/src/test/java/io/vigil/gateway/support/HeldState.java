package io.vigil.gateway.support;

import io.vigil.gateway.guard.StateProgress;
import io.vigil.gateway.state.StateConsumer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * The state consumer's progress, which a test can hold back to see the gateway as it is right after start (before it
 * has read the computers' state). Not held unless a test says so.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class HeldState implements StateProgress {

    public static volatile boolean held;

    private final StateConsumer consumer;

    public HeldState(StateConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public boolean caughtUp() {
        return !held && consumer.caughtUp();
    }
}
