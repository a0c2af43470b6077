package io.vigil.gateway.guard;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TLS connections per source address that have not (yet) shown a client certificate: from accept until the handshake
 * proved a certificate, or until they close. Beyond {@code max} for one address a new connection is refused.
 */
public final class UnauthenticatedConnections {

    private final int max;
    private final Map<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    public UnauthenticatedConnections(int max) {
        this.max = max;
    }

    /** Counts a new connection; false (and not counted) when the address already has {@code max}. */
    public boolean open(InetAddress address) {
        if (counts.merge(address, 1, Integer::sum) > max) {
            release(address);
            return false;
        }
        return true;
    }

    /** The connection authenticated or closed. */
    public void release(InetAddress address) {
        counts.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    public int count(InetAddress address) {
        return counts.getOrDefault(address, 0);
    }

    public int addresses() {
        return counts.size();
    }
}
