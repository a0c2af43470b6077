package io.vigil.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's latest heartbeats (a fixed ring, oldest dropped): when each was sent and how it ended. Lets a load
 * test tell, for an offline alert it did not expect, whether the agent was waiting for the manager's answer or had
 * not sent at all. Written on the agent's context, read from any thread.
 */
final class HeartbeatHistory {

    /** Heartbeats kept: half a minute of a 1-second interval. */
    static final int SIZE = 32;

    private final long[] sentAtMillis = new long[SIZE];
    private final long[] roundTripNanos = new long[SIZE];
    private final int[] statuses = new int[SIZE];
    private long sent;

    /** A heartbeat leaves now; its slot number is handed back for {@link #ended}. */
    synchronized long sending(long wallClockMillis) {
        int slot = (int) (sent % SIZE);
        sentAtMillis[slot] = wallClockMillis;
        roundTripNanos[slot] = -1;
        statuses[slot] = 0;
        return sent++;
    }

    /** The heartbeat numbered {@code number} was answered with {@code status} (0: no answer) after the time given. */
    synchronized void ended(long number, int status, long nanos) {
        if (number >= sent - SIZE && number < sent) {
            int slot = (int) (number % SIZE);
            roundTripNanos[slot] = nanos;
            statuses[slot] = status;
        }
    }

    /** The kept heartbeats, oldest first. */
    synchronized List<SentHeartbeat> recent() {
        List<SentHeartbeat> recent = new ArrayList<>(SIZE);
        for (long n = Math.max(0, sent - SIZE); n < sent; n++) {
            int slot = (int) (n % SIZE);
            recent.add(new SentHeartbeat(Instant.ofEpochMilli(sentAtMillis[slot]),
                    roundTripNanos[slot] < 0 ? null : Duration.ofNanos(roundTripNanos[slot]), statuses[slot]));
        }
        return recent;
    }
}
