package io.vigil.events.contact;

import java.time.Instant;

/**
 * Internal topic {@code vigil.internal.contact-failures}, keyed by computer: a manager-to-agent call that failed.
 *
 * @param operation {@code heartbeat-request} or {@code configuration}
 * @param reason    {@code refused}, {@code tls-failure}, {@code timeout}, {@code certificate-problem},
 *                  {@code address-not-allowed} (the agent's address is outside the manager's agent networks: nothing
 *                  was sent) or {@code error}; consumers treat it as an open set of lowercase tokens
 */
public record ContactFailed(long computerID, String operation, String reason, String detail, Instant at) {
}
