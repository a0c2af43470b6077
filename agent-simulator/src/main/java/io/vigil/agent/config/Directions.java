package io.vigil.agent.config;

import java.util.Set;

/** The three communication directions (docs/settings.md, {@code platformSettingAgentCommunicationsDirection}). */
public final class Directions {

    public static final String BIDIRECTIONAL = "Bidirectional";
    public static final String MANAGER_INITIATED = "Manager Initiated";
    public static final String AGENT_INITIATED = "Agent/Appliance Initiated";
    public static final Set<String> ALL = Set.of(BIDIRECTIONAL, MANAGER_INITIATED, AGENT_INITIATED);

    private Directions() {
    }

    /** Whether the agent listens on its port: not under Agent/Appliance Initiated. */
    public static boolean listens(String direction) {
        return !AGENT_INITIATED.equals(direction);
    }

    /** Whether the agent sends heartbeats itself: not under Manager Initiated (the manager asks for them). */
    public static boolean sendsHeartbeats(String direction) {
        return !MANAGER_INITIATED.equals(direction);
    }
}
