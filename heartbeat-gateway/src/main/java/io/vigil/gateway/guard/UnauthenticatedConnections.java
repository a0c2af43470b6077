package io.vigil.gateway.guard;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TLS connections per source address that have not (yet) shown a client certificate: from accept until the handshake
 * proved a certificate, or until they close. An address holds at most {@code places} of them; up to
 * {@code waitingPlaces} more wait, first come first served, and each place that frees passes to the longest waiting
 * one; beyond that a new connection is refused.
 */
public final class UnauthenticatedConnections {

    /** What became of a new connection. */
    public enum Admission {
        /** It holds a place. */
        ADMITTED,
        /** It waits: its {@link Waiter} is called once it holds a place. */
        WAITING,
        /** The address's places and waiting places are all taken. */
        REFUSED
    }

    /** A waiting connection; {@link #placed()} is called (on the thread that freed the place) once it holds one. */
    @FunctionalInterface
    public interface Waiter {
        void placed();
    }

    private static final class Places {
        int held;
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    }

    private final int places;
    private final int waitingPlaces;
    private final Map<InetAddress, Places> addresses = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    public UnauthenticatedConnections(int places, int waitingPlaces) {
        this.places = places;
        this.waitingPlaces = waitingPlaces;
    }

    /** A new connection from {@code address}: it gets a place, waits for one as {@code waiter}, or is refused. */
    public Admission open(InetAddress address, Waiter waiter) {
        Admission[] admission = new Admission[1];
        addresses.compute(address, (a, p) -> {
            Places current = p == null ? new Places() : p;
            if (current.held < places) {
                current.held++;
                admission[0] = Admission.ADMITTED;
            } else if (current.waiting.size() < waitingPlaces) {
                current.waiting.addLast(waiter);
                waiting.incrementAndGet();
                admission[0] = Admission.WAITING;
            } else {
                admission[0] = Admission.REFUSED;
            }
            return current.held == 0 && current.waiting.isEmpty() ? null : current;
        });
        return admission[0];
    }

    /** A connection holding a place authenticated or closed: the place passes to the longest waiting one, if any. */
    public void release(InetAddress address) {
        Waiter[] next = new Waiter[1];
        addresses.computeIfPresent(address, (a, p) -> {
            next[0] = p.waiting.pollFirst();
            if (next[0] == null) {
                p.held--;
            } else {
                waiting.decrementAndGet();
            }
            return p.held <= 0 && p.waiting.isEmpty() ? null : p;
        });
        if (next[0] != null) {
            next[0].placed();
        }
    }

    /**
     * A waiting connection gives up (closed, or waited too long); false when it was given a place meanwhile (its
     * {@link Waiter} has been or is being called, and it must {@link #release} that place).
     */
    public boolean stopWaiting(InetAddress address, Waiter waiter) {
        boolean[] removed = new boolean[1];
        addresses.computeIfPresent(address, (a, p) -> {
            removed[0] = p.waiting.removeFirstOccurrence(waiter);
            if (removed[0]) {
                waiting.decrementAndGet();
            }
            return p.held <= 0 && p.waiting.isEmpty() ? null : p;
        });
        return removed[0];
    }

    /** Connections of {@code address} holding a place. */
    public int count(InetAddress address) {
        Places p = addresses.get(address);
        return p == null ? 0 : p.held;
    }

    /** Connections waiting for a place, over all addresses. */
    public int waiting() {
        return waiting.get();
    }

    public int addresses() {
        return addresses.size();
    }
}
