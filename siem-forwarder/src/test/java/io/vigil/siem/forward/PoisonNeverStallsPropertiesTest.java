package io.vigil.siem.forward;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.alert.AlertData;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.siem.format.ComputerLookup;
import io.vigil.siem.format.EventFormatter;
import io.vigil.siem.format.FormatException;
import io.vigil.siem.format.Outbound;
import io.vigil.siem.format.Rfc5424;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Whatever a record holds, the forwarder either formats it or dead-letters it with a short reason, and the good record
 * after it on the same partition is still formatted and committed: one poisonous record never stalls a partition.
 */
class PoisonNeverStallsPropertiesTest {

    private static final EventFormatter FORMATTER = new EventFormatter("1.0",
            id -> new ComputerLookup.Computer("host|" + id, "10.0.0.1"));
    private static final Rfc5424 SYSLOG = new Rfc5424(16, "manager");

    @Property(tries = 400)
    void theFormatterFailsOnlyWithAReason(@ForAll("anything") HostileRecords.Spec spec) {
        Throwable failure = catchThrowable(() -> FORMATTER.format(spec.topic(), spec.value()));
        if (failure != null) {
            assertThat(failure).isInstanceOf(FormatException.class);
            assertThat(failure.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 400)
    void aPoisonRecordIsDeadLetteredAndTheNextOneOnItsPartitionStillGoes(
            @ForAll("anything") HostileRecords.Spec spec) {
        TopicPartition partition = new TopicPartition(spec.topic(), 3);
        ConsumerRecords<String, byte[]> records = new ConsumerRecords<>(Map.of(partition, List.of(
                new ConsumerRecord<>(spec.topic(), 3, 10, "42", spec.value()),
                new ConsumerRecord<>(spec.topic(), 3, 11, "42", good(spec.topic())))), Map.of());

        PendingBatch batch = PendingBatch.of(records, FORMATTER, SYSLOG);

        List<DeadLetter> letters = batch.deadLetters();
        assertThat(letters).hasSizeLessThanOrEqualTo(1);
        assertThat(batch.size() + letters.size()).isEqualTo(2);
        letters.forEach(letter -> {
            assertThat(letter.reason()).isNotBlank().hasSizeLessThanOrEqualTo(1_000);
            assertThat(letter.offset()).isEqualTo(10);
            assertThat(letter.value()).isEqualTo(spec.value());
        });
        assertThat(batch.offsets()).containsEntry(partition, new OffsetAndMetadata(12));
    }

    /** A well-formed event of the topic's kind. */
    static byte[] good(String topic) {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        return EventJson.toBytes(switch (topic) {
            case Topics.ALERTS -> CloudEvents.create("good-1", "/vigil/test", EventTypes.ALERT_RAISED, "42",
                    new AlertData(5, "agent-offline", null, "critical", 42L, "web-01", t, t, 1, "active", false,
                            "silent", null), t);
            case Topics.AGENT_EVENTS -> CloudEvents.create("good-1", "/vigil/test", EventTypes.AGENT_EVENT, "42",
                    new AgentEvent(42, "web-01", 5004, "2026-11-25 10:00:00", "Clock Changed", null), t);
            default -> CloudEvents.create("good-1", "/vigil/test", EventTypes.AUDIT, "42",
                    new AuditRecord("agent", "computer.activated", "computer", "42", t, null, null,
                            "agent-registry"), t);
        });
    }

    @Property(tries = 400)
    void whatIsFormattedFramesWithItsExactOctetCount(@ForAll("anything") HostileRecords.Spec spec) {
        Outbound out;
        try {
            out = FORMATTER.format(spec.topic(), spec.value());
        } catch (FormatException e) {
            return;
        }
        byte[] frame = SYSLOG.frame(out);
        String text = new String(frame, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        assertThat(Integer.parseInt(text.substring(0, space))).isEqualTo(frame.length - space - 1);
        assertThat(text).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000");
        CefLineParser.parse(out.cef());
    }

    @Provide
    Arbitrary<HostileRecords.Spec> anything() {
        return HostileRecords.anything();
    }
}
