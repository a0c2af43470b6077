package io.vigil.siem.forward;

import io.vigil.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sends dead letters with the headers {@code vigil.reason} and {@code vigil.source-topic}, waiting for acks. A reason
 * is one line of at most {@link #MAX_REASON} characters (it may echo the record's own text); a letter the broker
 * finds too large is sent again without its value (header {@code vigil.value-dropped} = the value's size), so that no
 * record, however large, holds its partition.
 */
public final class KafkaDeadLetters implements DeadLetterSink {

    public static final String REASON = "vigil.reason";
    public static final String SOURCE_TOPIC = "vigil.source-topic";
    public static final String SOURCE_OFFSET = "vigil.source-offset";
    public static final String VALUE_DROPPED = "vigil.value-dropped";
    /** Longest reason carried. */
    public static final int MAX_REASON = 1_000;

    private final Producer<String, byte[]> producer;

    public KafkaDeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A reason as it is sent: control characters (NUL included) as spaces, cut at {@link #MAX_REASON}. */
    public static String reason(String text) {
        String reason = text == null || text.isBlank() ? "cannot format" : text;
        StringBuilder out = new StringBuilder(Math.min(reason.length(), MAX_REASON));
        for (int i = 0; i < reason.length() && out.length() < MAX_REASON; i++) {
            char c = reason.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? ' ' : c);
        }
        if (out.length() == MAX_REASON && reason.length() > MAX_REASON) {
            out.setLength(MAX_REASON - 3);
            out.append("...");
        }
        return out.toString();
    }

    @Override
    public void send(List<DeadLetter> letters) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (DeadLetter letter : letters) {
            acks.add(producer.send(record(letter, letter.value())));
        }
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RecordTooLargeException)) {
                    throw e;
                }
                DeadLetter letter = letters.get(i);
                ProducerRecord<String, byte[]> withoutValue = record(letter, null);
                withoutValue.headers().add(VALUE_DROPPED, Integer.toString(letter.value() == null ? 0
                        : letter.value().length).getBytes(StandardCharsets.UTF_8));
                producer.send(withoutValue).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static ProducerRecord<String, byte[]> record(DeadLetter letter, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTER, letter.key(), value);
        record.headers().add(REASON, letter.reason().getBytes(StandardCharsets.UTF_8));
        record.headers().add(SOURCE_TOPIC, letter.sourceTopic().getBytes(StandardCharsets.UTF_8));
        record.headers().add(SOURCE_OFFSET, (letter.partition() + ":" + letter.offset())
                .getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
