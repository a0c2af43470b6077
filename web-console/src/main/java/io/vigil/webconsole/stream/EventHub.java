package io.vigil.webconsole.stream;

import io.smallrye.mutiny.subscription.MultiEmitter;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open streams and what goes to each: every event of the feed goes to every connected client. A client whose
 * stream is gone is forgotten; at most {@code maxClients} streams are open at once.
 */
public final class EventHub {

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
