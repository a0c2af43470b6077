package io.vigil.registry.status;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.events.status.ComputerStatusChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PollOrderTest {

    static final long ID = 42;

    record Rec(String name, long ts) {
    }

    static Map<Position, List<Rec>> partitions(Object... positionsAndRecords) {
        Map<Position, List<Rec>> partitions = new LinkedHashMap<>();
        for (int i = 0; i < positionsAndRecords.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Rec> records = (List<Rec>) positionsAndRecords[i + 1];
            partitions.put((Position) positionsAndRecords[i], records);
        }
        return partitions;
    }

    static List<String> merged(Map<Position, List<Rec>> partitions) {
        return PollOrder.merge(partitions, Rec::ts).stream().map(Rec::name).toList();
    }

    @Test
    void anEarlierContactFailureGoesBeforeALaterJudgementHandedOverFirst() {
        assertThat(merged(partitions(
                new Position(Topics.LIVENESS, 3), List.of(new Rec("judgement", 5_000)),
                new Position(Topics.CONTACT_FAILURES, 3), List.of(new Rec("contact", 4_990)))))
                .containsExactly("contact", "judgement");
    }

    @Test
    void onEqualTimestampsWhatAJudgementMayRestOnGoesFirst() {
        assertThat(merged(partitions(
                new Position(Topics.LIVENESS, 0), List.of(new Rec("judgement", 7))
                , new Position(Topics.CONTACT_FAILURES, 0), List.of(new Rec("contact", 7))
                , new Position(Topics.HEARTBEATS, 0), List.of(new Rec("heartbeat", 7))
                , new Position(Topics.COMPUTER_CONFIG, 0), List.of(new Rec("configuration", 7))
                , new Position(Topics.COMPUTERS, 0), List.of(new Rec("registration", 7))
                , new Position("some.other.topic", 0), List.of(new Rec("other", 7)))))
                .containsExactly("registration", "configuration", "heartbeat", "contact", "judgement", "other");
    }

    @Test
    void onEqualTimestampsOfOneTopicTheLowerPartitionGoesFirst() {
        assertThat(merged(partitions(
                new Position(Topics.HEARTBEATS, 5), List.of(new Rec("p5", 7)),
                new Position(Topics.HEARTBEATS, 2), List.of(new Rec("p2", 7)))))
                .containsExactly("p2", "p5");
    }

    @Test
    void aBacklogOfHeartbeatsAndJudgementsIsInterleavedAsItHappened() {
        assertThat(merged(partitions(
                new Position(Topics.HEARTBEATS, 1), List.of(new Rec("hb1", 1_000), new Rec("hb2", 5_000)),
                new Position(Topics.LIVENESS, 1), List.of(new Rec("offline", 4_000), new Rec("online", 5_100)))))
                .containsExactly("hb1", "offline", "hb2", "online");
    }

    @Test
    void aPartitionsOwnOrderIsKeptEvenWhenItsTimestampsGoBack() {
        // CreateTime from several producers: a partition's timestamps need not rise; its offsets decide
        assertThat(merged(partitions(
                new Position(Topics.CONTACT_FAILURES, 1), List.of(new Rec("c1", 3_000), new Rec("c2", 1_000)),
                new Position(Topics.LIVENESS, 1), List.of(new Rec("j", 2_000)))))
                .containsExactly("j", "c1", "c2");
    }

    @Test
    void emptyPollsAndPartitionsMergeToWhatIsThere() {
        assertThat(merged(Map.of())).isEmpty();
        assertThat(merged(partitions(new Position(Topics.HEARTBEATS, 0), List.of(),
                new Position(Topics.LIVENESS, 0), List.of(new Rec("j", 1))))).containsExactly("j");
    }

    /** The defect as the engine met it: the judgement's partition handed over first, the contact failure's after. */
    @Test
    void theEngineAppliesAPollInTimeOrderAndTheOfflineEventCarriesTheReason() {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> handedOver = new LinkedHashMap<>();
        handedOver.put(new TopicPartition(Topics.COMPUTERS, 3), List.of(record(Topics.COMPUTERS, 0, 1_000,
                EventTypes.COMPUTER_REGISTERED, new ComputerRegistration(ID, "web-01", "Linux", "20", null,
                        "physical", 7, "10.0.0.1", 4118, "running", "activated", "01", null,
                        Instant.ofEpochMilli(1_000)))));
        handedOver.put(new TopicPartition(Topics.LIVENESS, 3), List.of(record(Topics.LIVENESS, 8, 5_000,
                EventTypes.LIVENESS_CHANGED, new LivenessChanged(ID, 3, true, Instant.ofEpochMilli(900),
                        Instant.ofEpochMilli(5_000)))));
        handedOver.put(new TopicPartition(Topics.CONTACT_FAILURES, 3), List.of(record(Topics.CONTACT_FAILURES, 4,
                5_000, EventTypes.CONTACT_FAILED, new ContactFailed(ID, "heartbeat-request", "timeout", null,
                        Instant.ofEpochMilli(4_990)))));
        ConsumerRecords<String, byte[]> poll = new ConsumerRecords<>(handedOver, Map.of());

        List<ConsumerRecord<String, byte[]>> applied = StatusEngine.inTimeOrder(poll);

        assertThat(applied).extracting(ConsumerRecord::topic)
                .containsExactly(Topics.COMPUTERS, Topics.CONTACT_FAILURES, Topics.LIVENESS);
        StatusProcessor processor = new StatusProcessor();
        processor.assign(3, List.of());
        for (ConsumerRecord<String, byte[]> r : applied) {
            processor.apply(new Position(r.topic(), r.partition()), r.offset(), r.timestamp(),
                    InputDecoder.decode(r.topic(), r.key(), r.value(), r.timestamp()));
        }
        assertThat(processor.drain().transitions()).extracting(Transition::data)
                .extracting(ComputerStatusChanged::agentStatus, ComputerStatusChanged::offlineReason)
                .containsExactly(org.assertj.core.api.Assertions.tuple("active", null),
                        org.assertj.core.api.Assertions.tuple("offline", "timeout"));
    }

    static ConsumerRecord<String, byte[]> record(String topic, long offset, long timestampMs, String type,
                                                 Object data) {
        byte[] value = EventJson.toBytes(CloudEvents.create("/test", type, Long.toString(ID), data));
        return new ConsumerRecord<>(topic, 3, offset, timestampMs, TimestampType.CREATE_TIME, -1, value.length,
                Long.toString(ID), value, new RecordHeaders(), Optional.empty());
    }
}
