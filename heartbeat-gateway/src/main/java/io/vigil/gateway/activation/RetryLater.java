package io.vigil.gateway.activation;

import io.vigil.console.Problem;
import io.vigil.console.ProblemException;

/** A refusal that tells the agent when to come back ({@code Retry-After}, whole seconds). */
public class RetryLater extends ProblemException {

    private final long retryAfterSeconds;

    RetryLater(Problem problem, long retryAfterSeconds) {
        super(problem);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
