package io.vigil.gateway.guard;

import io.vigil.gateway.state.StateConsumer;
import jakarta.enterprise.context.ApplicationScoped;

/** The state consumer's progress: caught up once it read the compacted topics to the end offsets found at start. */
@ApplicationScoped
public class ConsumerProgress implements StateProgress {

    private final StateConsumer consumer;

    public ConsumerProgress(StateConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public boolean caughtUp() {
        return consumer.caughtUp();
    }
}
