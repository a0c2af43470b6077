package io.vigil.registry.computer;

/** {@code GET /api/computers} filters and paging, validated at the edge. Null filters are not applied. */
public record ComputerFilter(String status, Long policyID, String hostNamePrefix, long after, int limit) {
}
