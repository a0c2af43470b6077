package io.vigil.policy.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.console.ApiKeys;

/** The role of a managed key in a request body: {@code full-access} or {@code read-only}. */
public enum ApiKeyRole {
    @JsonProperty("full-access")
    FULL_ACCESS(ApiKeys.Role.FULL_ACCESS),
    @JsonProperty("read-only")
    READ_ONLY(ApiKeys.Role.READ_ONLY);

    private final ApiKeys.Role role;

    ApiKeyRole(ApiKeys.Role role) {
        this.role = role;
    }

    public ApiKeys.Role role() {
        return role;
    }

    @Override
    public String toString() {
        return role.word();
    }
}
