package io.vigil.gateway.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * When to poll each Manager Initiated computer (times in milliseconds of any monotonic or wall clock). A computer is
 * first due within a spread after it was learned (so a replica that takes over many computers does not call them all
 * at once, and polling resumes promptly after a failover), then every interval after its previous due time. Not
 * thread-safe: one owner calls it.
 */
public final class PollSchedule {

    private record Slot(long intervalMillis, long dueMillis) {
    }

    private record Due(long computerID, long dueMillis) {
    }

    private final long maxSpreadMillis;
    private final Map<Long, Slot> slots = new HashMap<>();
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.dueMillis, b.dueMillis));

    /** @param maxSpreadMillis the largest delay of a computer's first poll after it is learned */
    public PollSchedule(long maxSpreadMillis) {
        this.maxSpreadMillis = maxSpreadMillis;
    }

    /**
     * Polls the computer every {@code intervalMillis}. A new computer is first due within the spread; a known one
     * keeps its due time unless the new interval brings it closer.
     */
    public void schedule(long computerID, long intervalMillis, long nowMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalMillis);
        }
        Slot slot = slots.get(computerID);
        long due = slot == null ? nowMillis + spread(computerID, intervalMillis)
                : Math.min(slot.dueMillis(), nowMillis + intervalMillis);
        put(computerID, new Slot(intervalMillis, due));
    }

    public void remove(long computerID) {
        slots.remove(computerID);
    }

    public boolean contains(long computerID) {
        return slots.containsKey(computerID);
    }

    public int size() {
        return slots.size();
    }

    /** The computers due at {@code nowMillis}, each rescheduled one interval after its due time (or after now). */
    public List<Long> due(long nowMillis) {
        List<Long> due = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().dueMillis() <= nowMillis) {
            Due next = queue.poll();
            Slot slot = slots.get(next.computerID());
            if (slot == null || slot.dueMillis() != next.dueMillis()) {
                continue; // removed or rescheduled since
            }
            due.add(next.computerID());
            long following = next.dueMillis() + slot.intervalMillis();
            put(next.computerID(), new Slot(slot.intervalMillis(),
                    following > nowMillis ? following : nowMillis + slot.intervalMillis()));
        }
        return due;
    }

    /** When the next computer is due, if any. */
    public OptionalLong nextDue() {
        while (!queue.isEmpty()) {
            Due head = queue.peek();
            Slot slot = slots.get(head.computerID());
            if (slot != null && slot.dueMillis() == head.dueMillis()) {
                return OptionalLong.of(head.dueMillis());
            }
            queue.poll();
        }
        return OptionalLong.empty();
    }

    /** A stable per-computer offset in [0, min(interval, max spread)). */
    long spread(long computerID, long intervalMillis) {
        long bound = Math.min(intervalMillis, maxSpreadMillis);
        return bound <= 0 ? 0 : Math.floorMod(Long.hashCode(computerID * 0x9E3779B97F4A7C15L), bound);
    }

    private void put(long computerID, Slot slot) {
        slots.put(computerID, slot);
        queue.add(new Due(computerID, slot.dueMillis()));
    }

    /** A call must end well within the interval: at most half of it, and at most the configured timeout. */
    public static long callTimeoutMillis(long intervalMillis, long configuredMillis) {
        return Math.max(1, Math.min(configuredMillis, intervalMillis / 2));
    }
}
