package io.vigil.registry.status;

import io.vigil.events.status.ComputerStatusChanged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The transitions derived since the last flush, in the order they were derived, until the flush publishes them.
 *
 * <p>Why an offline transition stays open until then: the inputs of one computer come from five topics, and Kafka
 * orders records only within a partition, so how they interleave depends on how fetches and polls happen to split
 * them. Two late inputs would otherwise change what is published: a contact failure that happened before the
 * judgement but is read after it (the event would carry no reason, or an older one), and a heartbeat received before
 * a judgement that was made on an older heartbeat (the event stream would show an offline episode that, in the order
 * things happened, never was; whether that heartbeat itself or a later judgement naming it ends the episode). While
 * the transition is unpublished, both are settled by the times the inputs carry, so the published events are those of
 * the order in which things happened. Once published, an event stands.
 */
final class PendingTransitions {

    /** What became of an offline transition a heartbeat withdrew: the status and since it had replaced. */
    record Withdrawn(String previousStatus, Long previousSinceMs) {
    }

    /**
     * An unpublished offline transition: where it is, the last heartbeat known when it was derived (a contact failure
     * before that is no reason), when the reason it carries happened (null: none) and the since it replaced.
     */
    private record Offline(int index, Long heardMs, Long reasonAtMs, Long previousSinceMs) {
    }

    /** In derivation order; null where a transition was withdrawn. */
    private final List<Transition> transitions = new ArrayList<>();
    /** Per computer, its unpublished offline transitions, oldest first. */
    private final Map<Long, List<Offline>> offline = new HashMap<>();

    /**
     * Adds a transition. For one to offline: {@code heardMs} is the last heartbeat known then, {@code reasonAtMs}
     * when the failure it carries as its reason happened, {@code previousSinceMs} the since of the status it replaces.
     */
    void add(Transition transition, Long heardMs, Long reasonAtMs, Long previousSinceMs) {
        transitions.add(transition);
        if (StatusRules.OFFLINE.equals(transition.data().agentStatus())) {
            offline.computeIfAbsent(transition.data().computerID(), id -> new ArrayList<>())
                    .add(new Offline(transitions.size() - 1, heardMs, reasonAtMs, previousSinceMs));
        }
    }

    /**
     * A contact failure of the computer at {@code atMs}: each of its unpublished offline transitions that it
     * happened before (at or after the last heartbeat known then) takes it as its reason, unless the reason it
     * carries happened later.
     */
    void contactFailed(long computerID, long atMs, String reason) {
        List<Offline> open = offline.getOrDefault(computerID, List.of());
        for (int i = 0; i < open.size(); i++) {
            Offline o = open.get(i);
            ComputerStatusChanged data = transitions.get(o.index()).data();
            boolean before = atMs <= data.since().toEpochMilli();
            boolean sinceHeard = o.heardMs() == null || atMs >= o.heardMs();
            boolean latest = o.reasonAtMs() == null || atMs >= o.reasonAtMs();
            if (before && sinceHeard && latest && !Objects.equals(reason, data.offlineReason())) {
                transitions.set(o.index(), new Transition(transitions.get(o.index()).eventId(),
                        new ComputerStatusChanged(data.computerID(), data.hostName(), data.agentStatus(),
                                data.previousStatus(), data.missedHeartbeats(), reason, data.since())));
                open.set(i, new Offline(o.index(), o.heardMs(), atMs, o.previousSinceMs()));
            }
        }
    }

    /**
     * The computer's offline state ended: it was heard from, by a heartbeat received at {@code heardMs} (read here or
     * named by a judgement). If the transition into that state is unpublished, was derived on an older heartbeat and
     * from an input no earlier than this one, then in the order things happened this heartbeat came first and that
     * input never made the computer offline: the transition is withdrawn.
     *
     * @return the status and since it had replaced, or null when nothing was withdrawn
     */
    Withdrawn heardFromAgain(long computerID, long heardMs) {
        List<Offline> open = offline.get(computerID);
        if (open == null) {
            return null;
        }
        Offline latest = open.getLast();
        ComputerStatusChanged data = transitions.get(latest.index()).data();
        boolean newer = latest.heardMs() == null || heardMs > latest.heardMs();
        if (!newer || heardMs > data.since().toEpochMilli()) {
            return null;
        }
        transitions.set(latest.index(), null);
        open.removeLast();
        if (open.isEmpty()) {
            offline.remove(computerID);
        }
        return new Withdrawn(data.previousStatus(), latest.previousSinceMs());
    }

    /** Forgets the transitions of computers that left this instance. */
    void forget(Set<Long> computers) {
        List<Transition> kept = published();
        kept.removeIf(t -> computers.contains(t.data().computerID()));
        offline.keySet().removeAll(computers);
        // positions move when transitions go: re-point the open offline transitions of the computers that stay
        Map<Long, List<Offline>> moved = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            long id = kept.get(i).data().computerID();
            List<Offline> open = offline.get(id);
            if (open != null && StatusRules.OFFLINE.equals(kept.get(i).data().agentStatus())) {
                Offline o = open.get(moved.getOrDefault(id, List.of()).size());
                moved.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(new Offline(i, o.heardMs(), o.reasonAtMs(), o.previousSinceMs()));
            }
        }
        transitions.clear();
        transitions.addAll(kept);
        offline.clear();
        offline.putAll(moved);
    }

    /** Hands over the transitions to publish, in derivation order, and forgets them. */
    List<Transition> drain() {
        List<Transition> drained = List.copyOf(published());
        transitions.clear();
        offline.clear();
        return drained;
    }

    private List<Transition> published() {
        List<Transition> kept = new ArrayList<>(transitions.size());
        for (Transition t : transitions) {
            if (t != null) {
                kept.add(t);
            }
        }
        return kept;
    }
}
