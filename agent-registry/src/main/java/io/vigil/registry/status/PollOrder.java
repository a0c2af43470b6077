package io.vigil.registry.status;

import io.vigil.events.Topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToLongFunction;

/**
 * The order in which the engine applies the records of one poll. A poll hands them over partition by partition, and a
 * computer's five topics are five partitions, so applied as handed over, a judgement could be applied before the
 * contact failure or the heartbeat that came before it (a backlog after a restart: every heartbeat of the poll first,
 * then every judgement, each of them older than the last heartbeat and so ignored). Merged by record timestamp, they
 * are applied as they happened, as far as the producers' clocks tell. Each partition's own order is never changed
 * (the computer's records of one topic, the resume positions): only the partitions' next records compete, the one
 * with the earliest timestamp goes first. What a poll split or a clock cannot put in order is settled by the times the
 * inputs carry ({@link RuntimeUpdates}, {@link PendingTransitions}).
 */
final class PollOrder {

    /**
     * On equal timestamps (milliseconds): what a liveness judgement may have been made on goes before the judgement.
     * Topics not listed go last.
     */
    static final List<String> TIE_ORDER = List.of(Topics.COMPUTERS, Topics.COMPUTER_CONFIG, Topics.HEARTBEATS,
            Topics.CONTACT_FAILURES, Topics.LIVENESS);

    /** A partition's records not yet taken, with its place on a tie. */
    private static final class Cursor<R> {
        final List<R> records;
        final int tieRank;
        int next;

        Cursor(List<R> records, int tieRank) {
            this.records = records;
            this.tieRank = tieRank;
        }

        R head() {
            return records.get(next);
        }
    }

    private PollOrder() {
    }

    /** Each partition's records in offset order, merged by timestamp; ties by {@link #TIE_ORDER}, then partition. */
    static <R> List<R> merge(Map<Position, List<R>> partitions, ToLongFunction<R> timestamp) {
        List<Position> byTie = partitions.keySet().stream().sorted(Comparator
                .comparingInt((Position p) -> tieRank(p.topic())).thenComparing(Position::topic)
                .thenComparingInt(Position::partition)).toList();
        PriorityQueue<Cursor<R>> heads = new PriorityQueue<>(Comparator
                .comparingLong((Cursor<R> c) -> timestamp.applyAsLong(c.head())).thenComparingInt(c -> c.tieRank));
        int total = 0;
        for (int rank = 0; rank < byTie.size(); rank++) {
            List<R> records = partitions.get(byTie.get(rank));
            total += records.size();
            if (!records.isEmpty()) {
                heads.add(new Cursor<>(records, rank));
            }
        }
        List<R> merged = new ArrayList<>(total);
        while (!heads.isEmpty()) {
            Cursor<R> first = heads.poll();
            merged.add(first.records.get(first.next++));
            if (first.next < first.records.size()) {
                heads.add(first);
            }
        }
        return merged;
    }

    static int tieRank(String topic) {
        int rank = TIE_ORDER.indexOf(topic);
        return rank < 0 ? TIE_ORDER.size() : rank;
    }
}
