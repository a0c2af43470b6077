package io.vigil.siem.forward;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.format.ComputerLookup;
import io.vigil.siem.format.EventFormatter;
import io.vigil.siem.format.Kind;
import io.vigil.siem.format.Rfc5424;
import io.vigil.siem.receiver.ReceiverSpec;
import io.vigil.siem.receiver.SyslogSender;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery loop against Kafka's MockConsumer and fake receivers: commit only after every receiver took it. */
class ForwarderTest {

    private static final TopicPartition EVENTS = new TopicPartition(Topics.AGENT_EVENTS, 3);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final FakeReceiver healthy = new FakeReceiver();
    private final FakeReceiver flaky = new FakeReceiver();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private boolean deadLettersFail;
    private Forwarder forwarder;

    static final class FakeReceiver implements SyslogSender {
        final List<String> taken = new ArrayList<>();
        int calls;
        boolean down;

        @Override
        public void deliver(List<byte[]> frames) throws IOException {
            calls++;
            if (down) {
                throw new IOException("connection refused");
            }
            frames.forEach(f -> taken.add(new String(f, StandardCharsets.UTF_8)));
        }
    }

    @BeforeEach
    void setUp() {
        List<Receiver> receivers = List.of(
                new Receiver(new ReceiverSpec(false, "a", 1, EnumSet.allOf(Kind.class), CefSeverity.INFO), healthy),
                new Receiver(new ReceiverSpec(false, "b", 2, EnumSet.allOf(Kind.class), CefSeverity.INFO), flaky));
        forwarder = new Forwarder(consumer, new EventFormatter("1.0", ComputerLookup.NONE), new Rfc5424(16, "m"),
                receivers, letters -> {
                    if (deadLettersFail) {
                        throw new IllegalStateException("broker down");
                    }
                    deadLetters.addAll(letters);
                }, new ForwarderMetrics(registry, receivers), new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)),
                Duration.ofMillis(1));
        forwarder.subscribe();
        consumer.rebalance(List.of(EVENTS));
        consumer.updateBeginningOffsets(Map.of(EVENTS, 0L));
    }

    @Test
    void commitsOnlyAfterEveryReceiverTookTheBatchAndNeverResendsToOnesThatDid() {
        add(0, event("first"));
        add(1, event("second"));
        flaky.down = true;

        forwarder.step();
        forwarder.step();
        forwarder.step();

        assertThat(healthy.calls).isEqualTo(1);
        assertThat(healthy.taken).hasSize(2);
        assertThat(flaky.calls).isEqualTo(3);
        assertThat(committed()).isNull();
        assertThat(consumer.paused()).containsExactly(EVENTS);
        assertThat(registry.get("vigil.siem.receiver.up").tag("receiver", "tcp://b:2").gauge().value()).isZero();

        flaky.down = false;
        forwarder.step();

        assertThat(flaky.taken).hasSize(2);
        assertThat(flaky.taken.get(0)).contains("|first|").doesNotContain("|second|");
        assertThat(flaky.taken.get(1)).contains("|second|");
        assertThat(healthy.calls).isEqualTo(1);
        assertThat(committed().offset()).isEqualTo(2);
        assertThat(consumer.paused()).isEmpty();
        assertThat(registry.get("vigil.siem.forwarded").tag("receiver", "tcp://b:2").counter().count()).isEqualTo(2);
        assertThat(registry.get("vigil.siem.delivery.failures").tag("receiver", "tcp://b:2").counter().count())
                .isEqualTo(3);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterSinkBeforeTheCommitAndAreCounted() {
        add(0, "{broken".getBytes(StandardCharsets.UTF_8));
        add(1, event("good"));
        deadLettersFail = true;

        forwarder.step();
        assertThat(committed()).isNull();

        deadLettersFail = false;
        forwarder.step();

        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).contains("unreadable");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.AGENT_EVENTS);
            assertThat(letter.offset()).isZero();
        });
        assertThat(healthy.taken).singleElement().asString().contains("|good|");
        assertThat(committed().offset()).isEqualTo(2);
        assertThat(registry.get("vigil.siem.dead.letters").counter().count()).isEqualTo(1);
    }

    @Test
    void receiversOnlyGetTheKindsAndSeveritiesTheyAskFor() {
        FakeReceiver alertsOnly = new FakeReceiver();
        List<Receiver> receivers = List.of(new Receiver(
                new ReceiverSpec(false, "c", 3, Set.of(Kind.ALERTS), CefSeverity.WARNING), alertsOnly));
        Forwarder filtered = new Forwarder(consumer, new EventFormatter("1.0", ComputerLookup.NONE),
                new Rfc5424(16, "m"), receivers, deadLetters::addAll, new ForwarderMetrics(registry, receivers),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)), Duration.ofMillis(1));
        add(0, event("not wanted"));

        filtered.step();

        assertThat(alertsOnly.calls).isZero();
        assertThat(committed().offset()).isEqualTo(1);
    }

    private OffsetAndMetadata committed() {
        return consumer.committed(Set.of(EVENTS)).get(EVENTS);
    }

    private void add(long offset, byte[] value) {
        consumer.addRecord(new ConsumerRecord<>(EVENTS.topic(), EVENTS.partition(), offset, "42", value));
    }

    private static byte[] event(String description) {
        return EventJson.toBytes(CloudEvents.create("id-" + description, "/vigil/test", EventTypes.AGENT_EVENT, "42",
                new AgentEvent(42, "h", 1, null, description, null), Instant.parse("2026-11-25T10:00:00Z")));
    }
}
