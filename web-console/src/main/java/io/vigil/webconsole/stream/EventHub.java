package io.vigil.webconsole.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open streams and what goes to each: every event of the feed goes to every connected client. A client whose
 * stream is gone is forgotten; at most {@code maxClients} streams are open at once. A client that stops reading is
 * not buffered for without end: when more than {@value #MAX_PENDING} events would wait for it, its stream ends (the page reconnects
 * and reloads what it shows), so one stalled connection cannot exhaust the service's memory.
 */
public final class EventHub {

    /** Events that may wait for one client that does not read. */
    static final int MAX_PENDING = 1_000;

    private final Set<MultiEmitter<? super ConsoleEvent>> clients = ConcurrentHashMap.newKeySet();
    private final int maxClients;

    public EventHub(int maxClients) {
        this.maxClients = maxClients;
    }

    /** Adds a client; false when {@code maxClients} are already connected. */
    public synchronized boolean join(MultiEmitter<? super ConsoleEvent> client) {
        if (clients.size() >= maxClients) {
            return false;
        }
        clients.add(client);
        client.onTermination(() -> clients.remove(client));
        return true;
    }

    /**
     * One client's stream: {@link ConsoleEvent#READY} first, then every published event; completes at once when
     * {@code maxClients} are already connected, fails when more than {@value #MAX_PENDING} would wait unread.
     */
    public Multi<ConsoleEvent> stream() {
        return Multi.createFrom().<ConsoleEvent>emitter(client -> {
            if (join(client)) {
                client.emit(ConsoleEvent.READY);
            } else {
                client.complete(); // filled up since the caller checked: the page reconnects
            }
        }).onOverflow().buffer(MAX_PENDING);
    }

    /** Sends the event to every connected client. */
    public void publish(ConsoleEvent event) {
        for (MultiEmitter<? super ConsoleEvent> client : clients) {
            if (client.isCancelled()) {
                clients.remove(client);
            } else {
                client.emit(event);
            }
        }
    }

    /** Whether no other client may join now. */
    public boolean full() {
        return clients.size() >= maxClients;
    }

    public int clients() {
        return clients.size();
    }
}
