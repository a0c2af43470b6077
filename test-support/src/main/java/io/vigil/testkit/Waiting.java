package io.vigil.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Polling pause for infrastructure start-up loops (not for test assertions: those use Awaitility). */
final class Waiting {

    private Waiting() {
    }

    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
