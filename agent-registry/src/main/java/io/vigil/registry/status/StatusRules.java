package io.vigil.registry.status;

import java.util.List;

/**
 * The contract's status model, derived from what the registry knows about a computer. Precedence: a deactivated
 * computer is {@code inactive}; a stopped VM is {@code vm-stopped}; a computer judged offline by alert-service is
 * {@code offline}; otherwise it is {@code active} with DSM's message.
 */
public final class StatusRules {

    public static final String ACTIVE = "active";
    public static final String OFFLINE = "offline";
    public static final String VM_STOPPED = "vm-stopped";
    public static final String INACTIVE = "inactive";
    public static final List<String> ALL = List.of(ACTIVE, OFFLINE, VM_STOPPED, INACTIVE);

    public static final String MSG_ACTIVATED = "Managed (Activated)";
    public static final String MSG_ONLINE = "Managed (Online)";
    public static final String MSG_UPDATE_PENDING = "Managed (Online) - Update Pending";
    public static final String MSG_OFFLINE = "Offline";
    public static final String MSG_VM_STOPPED = "VM Stopped";
    public static final String MSG_DEACTIVATED = "Deactivated";

    /** A computer's status: the contract's {@code agentStatus} and DSM messages. */
    public record Status(String agentStatus, List<String> messages) {
    }

    /** The inputs of the status: everything else about a computer does not change it. */
    public record Inputs(boolean deactivated, boolean vmStopped, boolean offline, boolean heardFrom,
                         String reportedFingerprint, String expectedFingerprint) {
    }

    private StatusRules() {
    }

    public static Status derive(Inputs in) {
        if (in.deactivated()) {
            return new Status(INACTIVE, List.of(MSG_DEACTIVATED));
        }
        if (in.vmStopped()) {
            return new Status(VM_STOPPED, List.of(MSG_VM_STOPPED));
        }
        if (in.offline()) {
            return new Status(OFFLINE, List.of(MSG_OFFLINE));
        }
        if (!in.heardFrom()) {
            return new Status(ACTIVE, List.of(MSG_ACTIVATED));
        }
        return new Status(ACTIVE, List.of(updatePending(in.reportedFingerprint(), in.expectedFingerprint())
                ? MSG_UPDATE_PENDING : MSG_ONLINE));
    }

    /** An update is pending when both fingerprints are known and differ. */
    public static boolean updatePending(String reported, String expected) {
        return reported != null && expected != null && !reported.equals(expected);
    }

    /** Whether the reported configuration is the expected one; null while either is unknown. */
    public static Boolean upToDate(String reported, String expected) {
        return reported == null || expected == null ? null : reported.equals(expected);
    }
}
