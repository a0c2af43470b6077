package io.vigil.policy.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A create or modify request. Members that are absent are left unchanged; {@code parentIDGiven} tells an explicit
 * {@code "parentID": null} from an absent one. A setting whose {@code value} is null is reset to inherit.
 */
public record PolicyRequest(String name, String description, boolean parentIDGiven, Long parentID,
                            Map<String, String> settings) {

    public static final int MAX_NAME = 254;
    public static final int MAX_DESCRIPTION = 2000;

    /** The request a validated body makes (names stripped of surrounding white space). */
    public static PolicyRequest of(PolicyBody body) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (body.getPolicySettings() != null) {
            body.getPolicySettings().forEach((name, entry) -> settings.put(name, entry.value()));
        }
        return new PolicyRequest(body.getName() == null ? null : body.getName().strip(), body.getDescription(),
                body.parentIDGiven(), body.getParentID(), settings);
    }
}
