package io.vigil.agent;

/**
 * A change in an agent's life, for logs and observers: a new state, or a notable event in the same state
 * (configuration applied, certificate renewed, heartbeats failing).
 *
 * @param computerID null before activation
 */
public record StateChange(String hostName, Long computerID, AgentState state, String detail) {

    @Override
    public String toString() {
        return hostName + (computerID == null ? "" : " (computer " + computerID + ")") + " " + state
                + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
