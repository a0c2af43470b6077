package io.vigil.events.apikey;

import java.time.Instant;

/**
 * {@code vigil.internal.api-key.used.v1} on {@code vigil.internal.api-key-usage}, keyed by the key's ID: a console
 * service accepted the managed key, last at {@code lastUsed}. Each service reports a key at most once per reporting
 * interval, never once per request; the owner keeps the latest time any service reported.
 *
 * @param keyID    the managed key's ID
 * @param lastUsed the latest request this service accepted with it in the interval
 * @param service  the reporting service, e.g. {@code agent-registry}
 */
public record ApiKeyUsed(long keyID, Instant lastUsed, String service) {
}
