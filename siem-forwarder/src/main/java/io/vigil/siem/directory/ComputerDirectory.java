package io.vigil.siem.directory;

import io.vigil.events.computer.ComputerRegistration;
import io.vigil.siem.format.ComputerLookup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host name and last IP used of every computer, for {@code dvchost} and {@code dvc}: host names from the registry's
 * {@code vigil.internal.computers}, the last IP from the remote address of the latest heartbeat seen (until one is
 * seen after a restart, the address the agent gave at activation).
 */
public final class ComputerDirectory implements ComputerLookup {

    private record Entry(String hostName, String agentAddress, String lastHeard) {
        Computer view() {
            return new Computer(hostName, lastHeard != null ? lastHeard : agentAddress);
        }
    }

    private final Map<Long, Entry> computers = new ConcurrentHashMap<>();

    @Override
    public Computer find(long computerID) {
        Entry entry = computers.get(computerID);
        return entry == null ? null : entry.view();
    }

    public void registered(ComputerRegistration registration) {
        computers.compute(registration.computerID(), (id, old) -> new Entry(registration.hostName(),
                blankToNull(registration.agentAddress()), old == null ? null : old.lastHeard()));
    }

    public void heardFrom(long computerID, String remoteAddress) {
        String address = blankToNull(remoteAddress);
        if (address == null) {
            return;
        }
        computers.compute(computerID, (id, old) -> old == null ? new Entry(null, null, address)
                : new Entry(old.hostName(), old.agentAddress(), address));
    }

    public int size() {
        return computers.size();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
