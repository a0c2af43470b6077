package io.vigil.policy.apikey;

import io.vigil.console.ApiKeys;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may manage keys and what a new key may be: only a full-access key manages keys (reading them included), a key
 * never hands out more access than its own, and an expiry lies in the future, at most {@link #MAX_LIFETIME} ahead.
 */
public final class ApiKeyRules {

    /** The longest lifetime a key can be given (a key without expiry never expires). */
    public static final Duration MAX_LIFETIME = Duration.ofDays(3650);

    private ApiKeyRules() {
    }

    /** Refuses (403) a caller that may not manage keys. */
    public static void checkManage(ApiKeys.Caller caller) {
        if (caller == null || caller.role() != ApiKeys.Role.FULL_ACCESS) {
            throw forbidden("only a full-access API key may manage API keys");
        }
    }

    /** Refuses (403) a key of more access than the caller's own. */
    public static void checkGrant(ApiKeys.Caller caller, ApiKeys.Role requested) {
        checkManage(caller);
        if (!caller.role().covers(requested)) {
            throw forbidden("an API key cannot create a key with more access than its own");
        }
    }

    /**
     * The expiry of a new key: null for none; a time not after {@code now} or beyond the longest lifetime is
     * refused (400 naming {@code expiresAt}).
     */
    public static Instant expiry(Long expiresAtMillis, Instant now) {
        if (expiresAtMillis == null) {
            return null;
        }
        Instant latest = now.plus(MAX_LIFETIME);
        if (expiresAtMillis <= now.toEpochMilli()) {
            throw ProblemException.invalid("expiresAt", "must be in the future", expiresAtMillis.toString(),
                    "after " + now.toEpochMilli() + " (epoch milliseconds)");
        }
        if (expiresAtMillis > latest.toEpochMilli()) {
            throw ProblemException.invalid("expiresAt", "must be at most " + MAX_LIFETIME.toDays() + " days ahead",
                    expiresAtMillis.toString(), "up to " + latest.toEpochMilli() + " (epoch milliseconds)");
        }
        return Instant.ofEpochMilli(expiresAtMillis);
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
    }
}
