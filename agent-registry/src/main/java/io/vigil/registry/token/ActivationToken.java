package io.vigil.registry.token;

/**
 * A stored activation token: only the SHA-256 of the secret is kept.
 *
 * @param maxUses null for unlimited
 */
public record ActivationToken(long id, String tokenSha256, long policyID, long expiresAtMs, Integer maxUses, int uses,
                              DuplicateRule onDuplicateHostName, long createdAtMs) {

    /** Whether the token may activate one more computer at {@code nowMs}. */
    public boolean usableAt(long nowMs) {
        return nowMs < expiresAtMs && (maxUses == null || uses < maxUses);
    }
}
