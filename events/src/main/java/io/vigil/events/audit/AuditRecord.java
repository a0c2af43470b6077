package io.vigil.events.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * {@code vigil.audit.v1} on {@code vigil.audit}: one console write, dismissal, activation or reactivation.
 *
 * @param actor      who: {@code api-key:<sha256 prefix>} for console keys, {@code agent} for agents
 * @param action     what, e.g. {@code policy.updated}, {@code computer.activated}
 * @param resource   the kind of resource, e.g. {@code policy}
 * @param resourceID its ID
 * @param before     state before (null for creations)
 * @param after      state after (null for deletions)
 */
public record AuditRecord(String actor, String action, String resource, String resourceID, Instant at,
                          JsonNode before, JsonNode after, String service) {
}
