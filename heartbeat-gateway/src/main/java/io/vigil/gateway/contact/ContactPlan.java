package io.vigil.gateway.contact;

import io.vigil.events.config.AgentConfiguration;

/**
 * What the owning replica does when it learns a computer's configuration record (docs/agent-protocol.md,
 * "The agent's own port"): Manager Initiated computers are polled at their interval; a configuration that changed while
 * this replica owned the computer is pushed promptly when the agent is listening, i.e. when the configuration it was
 * running (the previous record) is Bidirectional or Manager Initiated. Records replayed on assignment only teach the
 * replica its computers: changes it missed reach the agent through its next heartbeat (Bidirectional) or the
 * fingerprint its next poll reports (Manager Initiated).
 */
public final class ContactPlan {

    public static final String BIDIRECTIONAL = "Bidirectional";
    public static final String MANAGER_INITIATED = "Manager Initiated";
    public static final String AGENT_INITIATED = "Agent/Appliance Initiated";

    private ContactPlan() {
    }

    /** The decision for one record. */
    public record Decision(boolean push, boolean poll) {
    }

    /** Whether an agent running this direction listens on its port. */
    public static boolean listens(String direction) {
        return BIDIRECTIONAL.equals(direction) || MANAGER_INITIATED.equals(direction);
    }

    /** Whether the manager fetches heartbeats (Manager Initiated). */
    public static boolean polled(String direction) {
        return MANAGER_INITIATED.equals(direction);
    }

    /**
     * @param previous the configuration last known for the computer (null when this is the first record seen)
     * @param current  the configuration of the new record
     * @param live     true when the record was published while this replica owned the computer (not a replay)
     */
    public static Decision decide(Known previous, Known current, boolean live) {
        boolean changed = previous != null && !previous.fingerprint().equals(current.fingerprint());
        boolean push = live && changed && listens(previous.configuration().communicationsDirection());
        return new Decision(push, polled(current.configuration().communicationsDirection()));
    }

    /** A configuration and its fingerprint. */
    public record Known(AgentConfiguration configuration, String fingerprint) {
    }
}
