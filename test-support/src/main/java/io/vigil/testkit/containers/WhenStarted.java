package io.vigil.testkit.containers;

import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready as soon as the container runs: for a caller that waits for the service's own probe itself (and restarts or
 * fails as it sees fit).
 */
public final class WhenStarted extends AbstractWaitStrategy {

    @Override
    protected void waitUntilReady() {
    }
}
