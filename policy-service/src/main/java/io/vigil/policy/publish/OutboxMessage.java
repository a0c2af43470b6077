package io.vigil.policy.publish;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A finished Kafka record written in the same transaction as the change it reports; the relay sends it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    /** Null for a tombstone. */
    public byte[] payload;

    /** Dead letters only: why the record could not be processed. */
    public String reason;

    /** Dead letters only: where it came from. */
    @Column(name = "source_topic")
    public String sourceTopic;

    @Column(name = "created_at")
    public Instant createdAt;

    public static OutboxMessage of(String topic, String key, byte[] payload) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.recordKey = key;
        message.payload = payload;
        message.createdAt = Instant.now();
        return message;
    }
}
