package io.vigil.registry.token;

import io.vigil.console.ProblemException;

/**
 * An activation token to create: policy (default the Base Policy), lifetime, uses (null: unlimited) and the duplicate
 * host-name rule (default {@code reactivate}).
 */
public record TokenRequest(long policyID, long expiresInSeconds, Integer maxUses, DuplicateRule onDuplicateHostName) {

    public static final int MAX_USES = 1_000_000;
    public static final long MIN_EXPIRES_IN_SECONDS = 60;

    /** The request a validated body makes, with the defaults and the configured longest lifetime applied. */
    public static TokenRequest of(TokenBody body, long defaultExpiresIn, long maxExpiresIn) {
        if (body.expiresInSeconds() != null && body.expiresInSeconds() > maxExpiresIn) {
            throw ProblemException.invalid("expiresInSeconds", "is out of range",
                    body.expiresInSeconds().toString(), MIN_EXPIRES_IN_SECONDS + " to " + maxExpiresIn);
        }
        return new TokenRequest(body.policyID() == null ? 1 : body.policyID(),
                body.expiresInSeconds() == null ? defaultExpiresIn : body.expiresInSeconds(), body.maxUses(),
                body.onDuplicateHostName() == null ? DuplicateRule.REACTIVATE : body.onDuplicateHostName());
    }
}
