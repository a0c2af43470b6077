package io.vigil.registry.computer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A virtual machine's power state as a cloud connector reports it ({@code vmState}). */
public enum VmState {
    @JsonProperty(ComputerRow.RUNNING)
    RUNNING,
    @JsonProperty(ComputerRow.STOPPED)
    STOPPED;

    @Override
    public String toString() {
        return this == RUNNING ? ComputerRow.RUNNING : ComputerRow.STOPPED;
    }
}
