package io.vigil.policy.policy;

import java.util.List;

/** {@code {"policies": [...]}}. */
public record PolicyList(List<PolicyView> policies) {
}
