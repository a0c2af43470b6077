package io.vigil.registry.computer;

/**
 * {@code GET /api/computers} filters and paging, validated at the edge. Null filters are not applied.
 *
 * @param agentVersionPrefix the start of the agent version (the latest heartbeat's, else the activation's)
 * @param configuration      only computers that are not deactivated, in this configuration state
 * @param limit              how many rows to read
 */
public record ComputerFilter(String status, Long policyID, String hostNamePrefix, String agentVersionPrefix,
                             String agentRelease, ConfigurationState configuration, long after, int limit) {

    /** No filter: every computer after {@code after}. */
    public static ComputerFilter all(long after, int limit) {
        return new ComputerFilter(null, null, null, null, null, null, after, limit);
    }
}
