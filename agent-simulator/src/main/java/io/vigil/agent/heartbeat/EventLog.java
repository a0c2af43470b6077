package io.vigil.agent.heartbeat;

import io.vigil.agent.Json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's log entries that the manager has not yet received. Each heartbeat takes the oldest entries that fit its
 * size budget; entries that do not fit wait for a later heartbeat; entries taken by a heartbeat that failed go back to
 * the front. Entries are dropped (and counted, for {@code counters.eventsDropped}) only when one alone can never fit,
 * or when the backlog outgrows its bound (then the oldest go first).
 */
public final class EventLog {

    private final int maxEventBytes;
    private final long maxBacklogBytes;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private long pendingBytes;
    private long dropped;

    /** A log with the bounds of a real agent: one entry at most 64 KiB, at most 16 MiB waiting. */
    public EventLog() {
        this(64 * 1024, 16L * 1024 * 1024);
    }

    public EventLog(int maxEventBytes, long maxBacklogBytes) {
        this.maxEventBytes = maxEventBytes;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    /** The entries one heartbeat carries, as serialised JSON objects. */
    public record Batch(List<byte[]> events) {
        public int size() {
            return events.size();
        }
    }

    public synchronized void add(AgentLogEvent event) {
        byte[] json = Json.bytes(event);
        if (json.length > maxEventBytes) {
            dropped++;
            return;
        }
        while (!pending.isEmpty() && pendingBytes + json.length > maxBacklogBytes) {
            pendingBytes -= pending.removeFirst().length;
            dropped++;
        }
        pending.addLast(json);
        pendingBytes += json.length;
    }

    /** Takes the oldest entries whose JSON, comma-separated, fits in {@code budgetBytes}. */
    public synchronized Batch take(long budgetBytes) {
        List<byte[]> taken = new ArrayList<>();
        long used = 0;
        while (!pending.isEmpty()) {
            byte[] next = pending.peekFirst();
            long needed = next.length + (taken.isEmpty() ? 0 : 1);
            if (used + needed > budgetBytes) {
                break;
            }
            taken.add(pending.removeFirst());
            pendingBytes -= next.length;
            used += needed;
        }
        return new Batch(taken);
    }

    /** Puts back the entries of a heartbeat that was not accepted, before everything newer. */
    public synchronized void restore(Batch batch) {
        for (int i = batch.events().size() - 1; i >= 0; i--) {
            byte[] json = batch.events().get(i);
            pending.addFirst(json);
            pendingBytes += json.length;
        }
    }

    public synchronized long dropped() {
        return dropped;
    }

    public synchronized int pendingCount() {
        return pending.size();
    }
}
