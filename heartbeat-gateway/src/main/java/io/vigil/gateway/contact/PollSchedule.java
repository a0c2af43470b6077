package io.vigil.gateway.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * When to poll each Manager Initiated computer (times in milliseconds of any monotonic or wall clock). A computer
 * this replica comes to own is first due as {@link FailoverRule} says: at once unless this replica polled it within
 * its interval (so polling resumes at once after a failover); after a poll at once the next one comes within one
 * interval, earlier by a stable per-computer offset (so computers taken over together spread out), then every
 * interval after its previous due time. Not thread-safe: one owner calls it.
 */
public final class PollSchedule {

    /** {@code atOnce}: this due time is a poll at once, the next one is re-spread by the computer's offset. */
    private record Slot(long intervalMillis, long dueMillis, boolean atOnce) {
    }

    private record Due(long computerID, long dueMillis) {
    }

    private final long maxSpreadMillis;
    private final Map<Long, Slot> slots = new HashMap<>();
    /** When this replica last handed each computer out for a poll; kept when a computer is removed. */
    private final Map<Long, Long> lastPolled = new HashMap<>();
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> Long.compare(a.dueMillis, b.dueMillis));

    /** @param maxSpreadMillis the largest offset by which the poll after a poll at once comes early */
    public PollSchedule(long maxSpreadMillis) {
        this.maxSpreadMillis = maxSpreadMillis;
    }

    /**
     * Polls the computer every {@code intervalMillis}. A computer new to the schedule is first due as
     * {@link FailoverRule#firstDue} says; a known one keeps its due time unless the new interval brings it closer.
     */
    public void schedule(long computerID, long intervalMillis, long nowMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + intervalMillis);
        }
        Slot slot = slots.get(computerID);
        if (slot == null) {
            long due = FailoverRule.firstDue(lastPolled.get(computerID), intervalMillis, nowMillis);
            put(computerID, new Slot(intervalMillis, due, due == nowMillis));
        } else {
            put(computerID, new Slot(intervalMillis, Math.min(slot.dueMillis(), nowMillis + intervalMillis),
                    slot.atOnce()));
        }
    }

    /** No more polls (the partition was revoked); when it was last polled is remembered should it come back. */
    public void remove(long computerID) {
        slots.remove(computerID);
    }

    /** No more polls and nothing remembered (the computer is gone). */
    public void forget(long computerID) {
        slots.remove(computerID);
        lastPolled.remove(computerID);
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
            lastPolled.put(next.computerID(), nowMillis);
            long following = slot.atOnce()
                    ? FailoverRule.afterPollAtOnce(nowMillis, slot.intervalMillis(),
                            spread(next.computerID(), slot.intervalMillis()))
                    : next.dueMillis() + slot.intervalMillis();
            put(next.computerID(), new Slot(slot.intervalMillis(),
                    following > nowMillis ? following : nowMillis + slot.intervalMillis(), false));
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

    /** A stable per-computer offset in [0, {@link FailoverRule#maxOffset}] (below half the interval and the spread). */
    long spread(long computerID, long intervalMillis) {
        long bound = FailoverRule.maxOffset(intervalMillis, maxSpreadMillis) + 1;
        return Math.floorMod(Long.hashCode(computerID * 0x9E3779B97F4A7C15L), bound);
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
