package io.vigil.agent;

/** Where an agent is in its life. */
public enum AgentState {
    /** Built, not started. */
    CREATED,
    /** Generating its key and activating (retrying while the manager is unreachable or busy). */
    ACTIVATING,
    /** Activated: heartbeats (unless Manager Initiated) and its listening port (unless Agent/Appliance Initiated). */
    ACTIVE,
    /** Heartbeats paused and its port closed, as if the agent were frozen. */
    PAUSED,
    /** The manager refused its certificate (403): deactivated or superseded. */
    REVOKED,
    /** Activation failed for good (refused token, duplicate host name, untrusted manager, bad answer). */
    FAILED,
    /** Stopped. */
    STOPPED
}
