package io.vigil.gateway.operations;

import io.vigil.console.Problem;
import io.vigil.gateway.guard.RateBudget;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a computer may renew its certificate: only inside the renewal window, the last {@code renewBefore} (30 days by
 * default) of the certificate's validity, which is exactly when heartbeats carry a pending {@code RenewCertificate}
 * operation; and at most {@code max} requests per computer per window of time, so a stolen or looping agent cannot
 * mint certificates or flood the registry.
 */
public final class RenewalPolicy {

    private final Duration renewBefore;
    private final RateBudget budget;
    private final Duration rateWindow;

    public RenewalPolicy(Duration renewBefore, int max, Duration rateWindow, RateBudget budget) {
        this.renewBefore = renewBefore;
        this.rateWindow = rateWindow;
        this.budget = budget;
        if (budget == null || max < 1) {
            throw new IllegalArgumentException("renewals need a budget of at least 1");
        }
    }

    /** A refusal: the problem and, for 429, the seconds to wait. */
    public record Refusal(Problem problem, long retryAfterSeconds, String outcome) {
    }

    /** Whether the certificate is in its renewal window at {@code now}. */
    public boolean inWindow(Instant notAfter, Instant now) {
        return !now.isBefore(notAfter.minus(renewBefore));
    }

    /** Empty when the renewal may go ahead (and then counted against the computer's budget). */
    public Optional<Refusal> judge(long computerID, Instant notAfter, Instant now) {
        if (!inWindow(notAfter, now)) {
            return Optional.of(new Refusal(Problem.of(409, "renewal-not-due", "Conflict",
                    "the certificate of computer " + computerID + " expires at " + notAfter + "; renewal is accepted "
                            + "from " + notAfter.minus(renewBefore) + " (when a RenewCertificate operation is "
                            + "pending)"), 0, "not-due"));
        }
        long retryAfter = budget.acquire(computerID, rateWindow);
        if (retryAfter > 0) {
            return Optional.of(new Refusal(Problem.of(429, "too-many-renewals", "Too many requests",
                    "computer " + computerID + " asked to renew its certificate too often; retry after "
                            + retryAfter + " s"), retryAfter, "rate-limited"));
        }
        return Optional.empty();
    }
}
