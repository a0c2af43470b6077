package io.vigil.registry.token;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A token as the console lists it (never the secret). Times in epoch milliseconds; {@code maxUses} null: unlimited. */
public record TokenView(@JsonProperty("ID") long id, long policyID, long expiresAt, Integer maxUses, int uses,
                        String onDuplicateHostName, long createdAt) {

    public static TokenView of(ActivationToken t) {
        return new TokenView(t.id(), t.policyID(), t.expiresAtMs(), t.maxUses(), t.uses(),
                t.onDuplicateHostName().word(), t.createdAtMs());
    }
}
