package io.vigil.events.apikey;

import java.time.Instant;

/**
 * {@code vigil.internal.api-key.v1} on the compacted {@code vigil.internal.api-keys}, keyed by the key's ID: one managed
 * console API key as its owner (policy-service) holds it. Each record replaces the previous one of the key; a revoked
 * key stays on the topic with {@code revoked} true. The secret itself never leaves the create answer: the record
 * carries its SHA-256 only.
 *
 * @param id         the key's ID
 * @param name       its name (for people; unique among the keys not revoked)
 * @param role       {@code full-access} or {@code read-only}
 * @param expiresAt  when it stops working, or null for never
 * @param secretHash lowercase hex SHA-256 of the UTF-8 secret
 * @param revoked    true once revoked (never undone)
 * @param created    when it was created
 */
public record ApiKeyRecord(long id, String name, String role, Instant expiresAt, String secretHash, boolean revoked,
                           Instant created) {
}
