package io.vigil.registry.status;

import io.vigil.events.status.ComputerStatusChanged;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The in-memory heart of the status engine: per owned partition, each computer's {@link ComputerRuntime}; applies
 * inputs in the order the engine reads them (each partition in log order, see {@link PollOrder}), records the status
 * transitions they cause (settled against late inputs of other topics until flushed, see {@link PendingTransitions}),
 * which computers changed, which reported listening ports the registry must adopt, and where each input partition must
 * resume. Single-threaded; no framework, no I/O.
 */
public final class StatusProcessor {

    /**
     * What one flush must make durable: changed computers, transitions to publish, the listening ports to adopt
     * (computer ID to the port its agent reported, see {@link ListeningPortRule}) and the resume positions.
     */
    public record Flush(List<ComputerRuntime> changed, List<Transition> transitions,
                        Map<Long, Integer> listeningPorts, Map<Position, Long> positions) {
        public boolean isEmpty() {
            return changed.isEmpty() && transitions.isEmpty() && listeningPorts.isEmpty();
        }
    }

    private final Map<Integer, Map<Long, ComputerRuntime>> partitions = new HashMap<>();
    private final Map<Position, Long> positions = new HashMap<>();
    private final Set<ComputerRuntime> changed = new LinkedHashSet<>();
    private final PendingTransitions transitions = new PendingTransitions();
    private final Map<Long, Integer> listeningPorts = new HashMap<>();
    private boolean positionsMoved;

    /** Takes ownership of a partition with the computers stored for it. */
    public void assign(int partition, Collection<ComputerRuntime> stored) {
        Map<Long, ComputerRuntime> computers = new HashMap<>();
        stored.forEach(rt -> computers.put(rt.computerID(), rt));
        partitions.put(partition, computers);
    }

    /** Gives a partition up: its computers and positions leave memory (flush first). */
    public void revoke(int partition) {
        Map<Long, ComputerRuntime> gone = partitions.remove(partition);
        if (gone != null) {
            changed.removeIf(rt -> rt.partition() == partition);
            transitions.forget(gone.keySet());
            listeningPorts.keySet().removeIf(gone::containsKey);
        }
        positions.keySet().removeIf(p -> p.partition() == partition);
    }

    public boolean owns(int partition) {
        return partitions.containsKey(partition);
    }

    /** Applies one record (input null: nothing for the engine) and moves the partition's resume position past it. */
    public void apply(Position at, long offset, long timestampMs, Input input) {
        positions.put(at, offset + 1);
        positionsMoved = true;
        if (input == null) {
            return;
        }
        Map<Long, ComputerRuntime> computers = partitions.computeIfAbsent(at.partition(), p -> new HashMap<>());
        ComputerRuntime rt = computers.computeIfAbsent(input.computerID(),
                id -> new ComputerRuntime(id, at.partition()));
        int portBefore = rt.listeningPort;
        boolean wasOffline = rt.offline;
        RuntimeUpdates.apply(rt, input);
        changed.add(rt);
        if (input instanceof Input.Heartbeat && rt.listeningPort != portBefore) {
            listeningPorts.put(rt.computerID(), rt.listeningPort);
        }
        settleLateInput(rt, input, wasOffline);
        StatusRules.Status now = rt.derivedStatus();
        if (now != null && !now.agentStatus().equals(rt.status)) {
            String previous = rt.status;
            Long previousSince = rt.statusSinceMs;
            rt.status = now.agentStatus();
            rt.statusSinceMs = timestampMs;
            transitions.add(new Transition(eventId(at, offset, rt.computerID()),
                    new ComputerStatusChanged(rt.computerID(), rt.hostName, rt.status, previous,
                            rt.missedHeartbeats, rt.offlineReason(), Instant.ofEpochMilli(timestampMs))),
                    RuntimeUpdates.lastHeard(rt), rt.contactAtMs, previousSince);
        }
    }

    /**
     * An input read after a transition of this flush that it happened before (another topic's partition was applied
     * first) settles that transition as if read in time: see {@link PendingTransitions}.
     */
    private void settleLateInput(ComputerRuntime rt, Input input, boolean wasOffline) {
        switch (input) {
            case Input.Contact c when c.data().at() != null ->
                    transitions.contactFailed(rt.computerID(), c.data().at().toEpochMilli(),
                            Canonical.of(c.data().reason()));
            case Input.Heartbeat h when endedOffline(rt, wasOffline) -> heardFromAgain(rt, h.receivedMs());
            case Input.Liveness l when endedOffline(rt, wasOffline) && l.data().lastHeartbeatAt() != null ->
                    heardFromAgain(rt, l.data().lastHeartbeatAt().toEpochMilli());
            default -> {
            }
        }
    }

    private static boolean endedOffline(ComputerRuntime rt, boolean wasOffline) {
        return wasOffline && !rt.offline && StatusRules.OFFLINE.equals(rt.status);
    }

    private void heardFromAgain(ComputerRuntime rt, long heardMs) {
        PendingTransitions.Withdrawn withdrawn = transitions.heardFromAgain(rt.computerID(), heardMs);
        if (withdrawn != null) {
            rt.status = withdrawn.previousStatus();
            rt.statusSinceMs = withdrawn.previousSinceMs();
        }
    }

    /** The resume position of an input partition, if any record of it was applied. */
    public Long position(Position at) {
        return positions.get(at);
    }

    public void seeded(Position at, long nextOffset) {
        positions.put(at, nextOffset);
    }

    public int pendingChanges() {
        return changed.size();
    }

    /** Hands over what changed since the last flush and forgets it. */
    public Flush drain() {
        Flush flush = new Flush(List.copyOf(changed), transitions.drain(), Map.copyOf(listeningPorts),
                positionsMoved ? Map.copyOf(positions) : Map.of());
        changed.clear();
        listeningPorts.clear();
        positionsMoved = false;
        return flush;
    }

    public ComputerRuntime find(long computerID) {
        for (Map<Long, ComputerRuntime> computers : partitions.values()) {
            ComputerRuntime rt = computers.get(computerID);
            if (rt != null) {
                return rt;
            }
        }
        return null;
    }

    public int trackedComputers() {
        return partitions.values().stream().mapToInt(Map::size).sum();
    }

    static String eventId(Position at, long offset, long computerID) {
        String name = "computer-status|" + at.topic() + "|" + at.partition() + "|" + offset + "|" + computerID;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
