package io.vigil.registry.status;

import io.vigil.events.computer.ComputerRegistration;

/**
 * Whether the registry adopts the listening port an agent reports in a heartbeat. The agent knows the port it listens
 * on, and the manager's calls (Manager Initiated and Bidirectional) go to the registered one, so a reported port that
 * differs from the registered one replaces it. A heartbeat without a port, a computer whose registration has not been
 * seen yet and a deactivated computer change nothing. Plain Java: one comparison of ints per heartbeat.
 */
public final class ListeningPortRule {

    /** "Nothing to adopt" (ports are 1 to 65535); also the registered port of a computer not known yet. */
    public static final int NONE = 0;

    private ListeningPortRule() {
    }

    /**
     * @param registration   the computer's registration state ({@code activated}, {@code deactivated}), null while
     *                       its registration has not been seen
     * @param registeredPort the port the registry has for the computer, {@link #NONE} when not known
     * @param reportedPort   the heartbeat's {@code listeningPort}, null when the agent did not report one
     * @return the port to adopt, or {@link #NONE}
     */
    public static int toAdopt(String registration, int registeredPort, Integer reportedPort) {
        if (reportedPort == null || reportedPort < 1 || reportedPort > 65_535) {
            return NONE;
        }
        if (registration == null || ComputerRegistration.DEACTIVATED.equals(registration)) {
            return NONE;
        }
        return reportedPort == registeredPort ? NONE : reportedPort;
    }
}
