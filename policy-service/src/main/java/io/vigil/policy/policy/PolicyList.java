package io.vigil.policy.policy;

import io.vigil.console.rest.PagedList;

import java.util.List;

/** {@code {"policies": [...], "next": "/api/policies?...after=42"}}: {@code next} is null on the last page. */
public record PolicyList(List<PolicyView> policies, String next) implements PagedList {
}
