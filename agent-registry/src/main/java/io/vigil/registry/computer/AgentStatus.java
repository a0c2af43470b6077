package io.vigil.registry.computer;

import io.vigil.registry.status.StatusRules;

/** A computer's {@code agentStatus}, as the {@code status} filter of {@code GET /api/computers} names it. */
public enum AgentStatus {
    ACTIVE(StatusRules.ACTIVE),
    OFFLINE(StatusRules.OFFLINE),
    VM_STOPPED(StatusRules.VM_STOPPED),
    INACTIVE(StatusRules.INACTIVE);

    private final String word;

    AgentStatus(String word) {
        this.word = word;
    }

    @Override
    public String toString() {
        return word;
    }
}
