package io.vigil.registry.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.registry.web.Body;

import java.util.Set;

/**
 * {@code POST /api/activationtokens}, validated: policy (default the Base Policy), lifetime, uses (null: unlimited)
 * and the duplicate host-name rule (default {@code reactivate}).
 */
public record TokenRequest(long policyID, long expiresInSeconds, Integer maxUses, DuplicateRule onDuplicateHostName) {

    public static final int MAX_USES = 1_000_000;
    public static final long MIN_EXPIRES_IN_SECONDS = 60;
    private static final Set<String> FIELDS = Set.of("policyID", "expiresInSeconds", "maxUses", "onDuplicateHostName");

    public static TokenRequest parse(JsonNode json, long defaultExpiresIn, long maxExpiresIn) {
        Body body = Body.of(json, FIELDS);
        Long policyID = body.longValue("policyID", false, 1, Long.MAX_VALUE);
        Long expiresIn = body.longValue("expiresInSeconds", false, MIN_EXPIRES_IN_SECONDS, maxExpiresIn);
        Integer maxUses = body.intValue("maxUses", false, 1, MAX_USES);
        String rule = body.oneOf("onDuplicateHostName", false, DuplicateRule.NAMES);
        body.validate();
        return new TokenRequest(policyID == null ? 1 : policyID, expiresIn == null ? defaultExpiresIn : expiresIn,
                maxUses, rule == null ? DuplicateRule.REACTIVATE : DuplicateRule.of(rule));
    }
}
