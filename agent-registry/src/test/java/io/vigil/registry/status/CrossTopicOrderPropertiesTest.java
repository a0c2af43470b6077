package io.vigil.registry.status;

import io.vigil.events.Topics;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.events.status.ComputerStatusChanged;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One computer's heartbeats, contact failures and liveness judgements, generated as they happened (one every 100 ms,
 * judgements on the latest heartbeat or, alert-service being behind, an older one than that but never older than its
 * previous judgement's; a judgement on a heartbeat the previous one was not based on says heard from again, one on the
 * same heartbeat keeps an offline computer offline and never counts fewer misses), applied within one flush once in
 * the order they happened and once as the topics' partitions may interleave: each topic in its own order,
 * judgements read before older contact failures and before the latest heartbeat before them, contact failures before
 * that heartbeat too. The
 * published transitions (status, previous status, reason, missed heartbeats) and the computer's status, reason and
 * last heartbeat are the same.
 *
 * <p>Not generated, the boundary of the rule: a heartbeat read before an older record (a judgement on an older
 * heartbeat than one already read is ignored, even if it was made before that heartbeat arrived); a contact failure
 * read before an older judgement (the engine keeps one reason, the latest: the offline event then carries that later
 * failure); a record read before two or more older heartbeats (an offline episode on a stale judgement, already
 * ended by a later one, is not withdrawn). Within one poll the engine applies records in timestamp order, so none of
 * them happens there (see {@link PollOrder}).
 */
class CrossTopicOrderPropertiesTest {

    static final long ID = 9;
    static final long START_MS = 2_000;
    static final List<String> REASONS = List.of("refused", "timeout", "tls-failure");

    /** One input as it happened: its topic, its record timestamp and the decoded input. */
    record Happened(String topic, long timestampMs, Input input) {
    }

    @Property(tries = 2000)
    void theEventsAndTheStatusDoNotDependOnHowTheTopicsInterleave(
            @ForAll("histories") List<Happened> history,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> picks) {
        List<Happened> interleaved = interleave(history, picks);

        Outcome inTime = outcome(history);
        Outcome asRead = outcome(interleaved);

        assertThat(asRead.transitions()).as("read as %s", interleaved).isEqualTo(inTime.transitions());
        assertThat(asRead.computer()).as("read as %s", interleaved).isEqualTo(inTime.computer());
    }

    @Property(tries = 200)
    void theInterleavingKeepsEveryTopicsOwnOrder(@ForAll("histories") List<Happened> history,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> picks) {
        List<Happened> interleaved = interleave(history, picks);
        assertThat(interleaved).containsExactlyInAnyOrderElementsOf(history);
        for (String topic : List.of(Topics.HEARTBEATS, Topics.CONTACT_FAILURES, Topics.LIVENESS)) {
            assertThat(interleaved.stream().filter(h -> h.topic().equals(topic)).toList())
                    .isEqualTo(history.stream().filter(h -> h.topic().equals(topic)).toList());
        }
    }

    record Outcome(List<List<Object>> transitions, List<Object> computer) {
    }

    static Outcome outcome(List<Happened> inputs) {
        StatusProcessor processor = new StatusProcessor();
        processor.assign(0, List.of());
        long[] offset = new long[1];
        apply(processor, Topics.COMPUTERS, offset, 0, new Input.Registration(ID, new ComputerRegistration(ID,
                "web-01", "Linux", "20", null, "physical", 1, "10.0.0.1", 4118, "running", "activated", "01", null,
                Instant.EPOCH)));
        apply(processor, Topics.HEARTBEATS, offset, 1_000, heartbeat(1_000));
        processor.drain();
        for (Happened h : inputs) {
            apply(processor, h.topic(), offset, h.timestampMs(), h.input());
        }
        List<List<Object>> transitions = processor.drain().transitions().stream().map(Transition::data)
                .map(CrossTopicOrderPropertiesTest::visible).toList();
        ComputerRuntime rt = processor.find(ID);
        return new Outcome(transitions, java.util.Arrays.asList(rt.status(), rt.offlineReason(), rt.offline(),
                rt.lastHeartbeatMs()));
    }

    static List<Object> visible(ComputerStatusChanged t) {
        return java.util.Arrays.asList(t.agentStatus(), t.previousStatus(), t.offlineReason(), t.missedHeartbeats());
    }

    static void apply(StatusProcessor processor, String topic, long[] offset, long timestampMs, Input input) {
        processor.apply(new Position(topic, 0), offset[0]++, timestampMs, input);
    }

    /**
     * Reads the topics in an order the picks choose: each topic's own order kept; a heartbeat only once nothing that
     * happened before it is still unread, a contact failure only once no older judgement is, and anything else only
     * once at most one older heartbeat is.
     */
    static List<Happened> interleave(List<Happened> history, List<Integer> picks) {
        Map<String, Deque<Happened>> queues = Map.of(Topics.HEARTBEATS, new ArrayDeque<>(),
                Topics.CONTACT_FAILURES, new ArrayDeque<>(), Topics.LIVENESS, new ArrayDeque<>());
        history.forEach(h -> queues.get(h.topic()).add(h));
        List<String> order = List.of(Topics.HEARTBEATS, Topics.CONTACT_FAILURES, Topics.LIVENESS);
        List<Happened> read = new ArrayList<>();
        int step = 0;
        while (read.size() < history.size()) {
            List<String> ready = order.stream().filter(t -> !queues.get(t).isEmpty())
                    .filter(t -> !t.equals(Topics.HEARTBEATS) || nothingOlderUnread(queues.values(),
                            queues.get(t).peek()))
                    .filter(t -> !t.equals(Topics.CONTACT_FAILURES) || nothingOlderUnread(
                            List.of(queues.get(Topics.LIVENESS)), queues.get(t).peek()))
                    .filter(t -> queues.get(Topics.HEARTBEATS).stream()
                            .filter(h -> h.timestampMs() < queues.get(t).peek().timestampMs()).count() <= 1)
                    .toList();
            int pick = picks.isEmpty() ? 0 : picks.get(step++ % picks.size());
            read.add(queues.get(ready.get(pick % ready.size())).poll());
        }
        return read;
    }

    private static boolean nothingOlderUnread(Collection<Deque<Happened>> queues, Happened next) {
        return queues.stream().allMatch(q -> q.isEmpty() || q.peek().timestampMs() > next.timestampMs()
                || q.peek() == next);
    }

    /** Step kinds: 0 heartbeat, 1 contact failure, 2 judgement; each with a choice for its details. */
    @Provide
    Arbitrary<List<Happened>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 99))
                .as(List::of).list().ofMaxSize(14).map(CrossTopicOrderPropertiesTest::history);
    }

    static List<Happened> history(List<List<Integer>> steps) {
        List<Happened> history = new ArrayList<>();
        List<Long> heartbeats = new ArrayList<>(List.of(1_000L));
        long judgedOn = 1_000;
        boolean wasOffline = false;
        int wasMissed = 0;
        for (int i = 0; i < steps.size(); i++) {
            long t = START_MS + 100L * i;
            int kind = steps.get(i).get(0);
            int detail = steps.get(i).get(1);
            switch (kind) {
                case 0 -> {
                    heartbeats.add(t);
                    history.add(new Happened(Topics.HEARTBEATS, t, heartbeat(t)));
                }
                case 1 -> history.add(new Happened(Topics.CONTACT_FAILURES, t, new Input.Contact(ID,
                        new ContactFailed(ID, "heartbeat-request", REASONS.get(detail % REASONS.size()), null,
                                Instant.ofEpochMilli(t)))));
                default -> {
                    // mostly on the latest heartbeat; sometimes alert-service was behind by one or two, but never
                    // behind its own previous judgement
                    int behind = detail % 10 < 6 ? 0 : detail % 3;
                    long basedOn = Math.max(judgedOn, heartbeats.get(Math.max(0, heartbeats.size() - 1 - behind)));
                    // a heartbeat it had not judged yet: heard from again
                    boolean heard = basedOn > judgedOn;
                    judgedOn = basedOn;
                    // not heard from: offline stays offline, misses only grow
                    boolean offline = !heard && (wasOffline || detail % 2 == 0);
                    int missed = heard ? 0 : Math.max(wasMissed, offline ? 3 + detail % 3 : detail % 3);
                    wasOffline = offline;
                    wasMissed = missed;
                    String reason = offline && detail % 7 == 0 ? LivenessChanged.PLATFORM_OUTAGE : null;
                    history.add(new Happened(Topics.LIVENESS, t, new Input.Liveness(ID, new LivenessChanged(ID,
                            missed, offline, Instant.ofEpochMilli(basedOn), Instant.ofEpochMilli(t), reason))));
                }
            }
        }
        return history;
    }

    static Input.Heartbeat heartbeat(long receivedMs) {
        return new Input.Heartbeat(ID, receivedMs, new HeartbeatReceived(ID, Instant.ofEpochMilli(receivedMs), "t",
                "20.0.1", "Online", "sha256:a", Map.of(), "10.1.1.1", null, null, null, null, null, List.of(),
                false));
    }
}
