package io.vigil.siem.forward;

import io.vigil.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Sends dead letters with the headers {@code vigil.reason} and {@code vigil.source-topic}, waiting for acks. */
public final class KafkaDeadLetters implements DeadLetterSink {

    public static final String REASON = "vigil.reason";
    public static final String SOURCE_TOPIC = "vigil.source-topic";
    public static final String SOURCE_OFFSET = "vigil.source-offset";

    private final Producer<String, byte[]> producer;

    public KafkaDeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void send(List<DeadLetter> letters) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTER, letter.key(),
                    letter.value());
            record.headers().add(REASON, letter.reason().getBytes(StandardCharsets.UTF_8));
            record.headers().add(SOURCE_TOPIC, letter.sourceTopic().getBytes(StandardCharsets.UTF_8));
            record.headers().add(SOURCE_OFFSET, (letter.partition() + ":" + letter.offset())
                    .getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }
}
