package io.vigil.registry.status;

import io.vigil.events.Topics;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll order on generated polls (up to eight partitions of the engine's topics and one other, up to 12 records
 * each, timestamps from a small range so that ties are common, and not always rising within a partition).
 */
class PollOrderPropertiesTest {

    static final List<String> TOPICS = List.of(Topics.COMPUTERS, Topics.COMPUTER_CONFIG, Topics.HEARTBEATS,
            Topics.CONTACT_FAILURES, Topics.LIVENESS, "some.other.topic");

    /** A record: where it comes from, its offset there and its timestamp. */
    record Rec(Position from, int offset, long ts) {
    }

    @Property(tries = 1000)
    void everyRecordIsAppliedOnceAndEachPartitionInItsOwnOrder(@ForAll("polls") Map<Position, List<Rec>> poll) {
        List<Rec> merged = PollOrder.merge(poll, Rec::ts);

        assertThat(merged).containsExactlyInAnyOrderElementsOf(poll.values().stream().flatMap(List::stream).toList());
        poll.forEach((position, records) -> assertThat(merged.stream().filter(r -> r.from().equals(position)))
                .containsExactlyElementsOf(records));
    }

    @Property(tries = 1000)
    void partitionsInTimeOrderMergeIntoTimeOrderWithTiesByTopicThenPartition(
            @ForAll("polls") Map<Position, List<Rec>> unsorted) {
        Map<Position, List<Rec>> poll = new LinkedHashMap<>();
        unsorted.forEach((position, records) -> poll.put(position, renumbered(records.stream()
                .sorted(Comparator.comparingLong(Rec::ts)).toList())));

        List<Rec> merged = PollOrder.merge(poll, Rec::ts);

        assertThat(merged).isSortedAccordingTo(Comparator.comparingLong(Rec::ts)
                .thenComparingInt(r -> PollOrder.tieRank(r.from().topic()))
                .thenComparing(r -> r.from().topic())
                .thenComparingInt(r -> r.from().partition())
                .thenComparingInt(Rec::offset));
    }

    /**
     * The rule itself: a record goes after a later one of another partition only when its own partition held it
     * back, i.e. a record before it in its partition, not yet applied then, is no earlier than that later one.
     */
    @Property(tries = 1000)
    void aRecordWaitsBehindALaterOneOnlyForItsOwnPartition(@ForAll("polls") Map<Position, List<Rec>> poll) {
        List<Rec> merged = PollOrder.merge(poll, Rec::ts);

        for (int j = 0; j < merged.size(); j++) {
            Rec a = merged.get(j);
            for (int i = 0; i < j; i++) {
                Rec b = merged.get(i);
                if (b.from().equals(a.from()) || !later(b, a)) {
                    continue;
                }
                int bAt = i;
                boolean heldBack = merged.subList(bAt + 1, j + 1).stream()
                        .anyMatch(h -> h.from().equals(a.from()) && h.offset() <= a.offset() && !later(b, h));
                assertThat(heldBack).as("%s applied after the later %s", a, b).isTrue();
            }
        }
    }

    /** Whether b goes after a when both are their partitions' next record: later timestamp, or the tie rule. */
    static boolean later(Rec b, Rec a) {
        return Comparator.comparingLong(Rec::ts).thenComparingInt((Rec r) -> PollOrder.tieRank(r.from().topic()))
                .thenComparing(r -> r.from().topic()).thenComparingInt(r -> r.from().partition())
                .compare(b, a) > 0;
    }

    @Provide
    Arbitrary<Map<Position, List<Rec>>> polls() {
        Arbitrary<Position> positions = Combinators.combine(Arbitraries.of(TOPICS),
                Arbitraries.integers().between(0, 2)).as(Position::new);
        return Arbitraries.maps(positions, Arbitraries.longs().between(0, 20).list().ofMaxSize(12))
                .ofMaxSize(8).map(timestamps -> {
                    Map<Position, List<Rec>> poll = new LinkedHashMap<>();
                    timestamps.forEach((position, ts) -> {
                        List<Rec> records = new ArrayList<>();
                        for (int offset = 0; offset < ts.size(); offset++) {
                            records.add(new Rec(position, offset, ts.get(offset)));
                        }
                        poll.put(position, records);
                    });
                    return poll;
                });
    }

    private static List<Rec> renumbered(List<Rec> records) {
        List<Rec> renumbered = new ArrayList<>();
        for (int offset = 0; offset < records.size(); offset++) {
            renumbered.add(new Rec(records.get(offset).from(), offset, records.get(offset).ts()));
        }
        return renumbered;
    }
}
