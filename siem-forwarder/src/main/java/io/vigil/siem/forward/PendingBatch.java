package io.vigil.siem.forward;

import io.vigil.siem.format.EventFormatter;
import io.vigil.siem.format.FormatException;
import io.vigil.siem.format.Outbound;
import io.vigil.siem.format.Rfc5424;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One polled batch until every receiver has taken it: the formatted frames in log order (per partition, hence per
 * computer), the poison records for the dead-letter topic, which receivers are done, and the offsets to commit.
 */
final class PendingBatch {

    private record Message(Outbound outbound, byte[] frame) {
    }

    private final List<Message> messages = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    private final Set<Receiver> done = new HashSet<>();
    private boolean deadLettersSent;

    static PendingBatch of(ConsumerRecords<String, byte[]> records, EventFormatter formatter, Rfc5424 syslog) {
        PendingBatch batch = new PendingBatch();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Outbound outbound = formatter.format(record.topic(), record.value());
                batch.messages.add(new Message(outbound, syslog.frame(outbound)));
            } catch (FormatException e) {
                batch.deadLetters.add(letter(record, e.getMessage()));
            } catch (RuntimeException e) {
                batch.deadLetters.add(letter(record, "cannot format: " + e));
            }
            batch.commit.put(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1));
        }
        batch.deadLettersSent = batch.deadLetters.isEmpty();
        return batch;
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record, String reason) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                KafkaDeadLetters.reason(reason));
    }

    List<DeadLetter> deadLetters() {
        return deadLettersSent ? List.of() : deadLetters;
    }

    void deadLettersSent() {
        deadLettersSent = true;
    }

    /** The frames a receiver wants from this batch, in log order. */
    List<byte[]> framesFor(Receiver receiver) {
        List<byte[]> frames = new ArrayList<>();
        for (Message message : messages) {
            if (receiver.spec().accepts(message.outbound())) {
                frames.add(message.frame());
            }
        }
        return frames;
    }

    boolean isDone(Receiver receiver) {
        return done.contains(receiver);
    }

    void done(Receiver receiver) {
        done.add(receiver);
    }

    boolean complete(List<Receiver> receivers) {
        return deadLettersSent && done.containsAll(receivers);
    }

    int size() {
        return messages.size();
    }

    Map<TopicPartition, OffsetAndMetadata> offsets() {
        return commit;
    }
}
