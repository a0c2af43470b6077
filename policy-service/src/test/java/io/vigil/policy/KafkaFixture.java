package io.vigil.policy;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/** Feeds {@code vigil.internal.computers} and reads what policy-service publishes, through the real broker. */
public final class KafkaFixture {

    private static final AtomicLong IDS = new AtomicLong(10_000);
    private static KafkaProducer<String, byte[]> producer;

    private KafkaFixture() {
    }

    /** A computer ID no other test uses. */
    public static long newComputerId() {
        return IDS.incrementAndGet();
    }

    public static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    public static ComputerRegistration registration(long id, String type, long policyId, String state) {
        return new ComputerRegistration(id, "host-" + id, "Linux", "20.0.1-3445", "20.0 LTS", type, policyId,
                "10.0.0.1", 4118, "running", state, "ab" + id, Instant.now().plusSeconds(86400), Instant.now());
    }

    public static void register(long id, String type, long policyId) {
        send(registration(id, type, policyId, ComputerRegistration.ACTIVATED));
    }

    public static void deactivate(long id, long policyId) {
        send(registration(id, "physical", policyId, ComputerRegistration.DEACTIVATED));
    }

    public static void send(ComputerRegistration registration) {
        CloudEvent<ComputerRegistration> event = CloudEvents.create("/vigil/agent-registry",
                EventTypes.COMPUTER_REGISTERED, Long.toString(registration.computerID()), registration);
        sendRaw(Topics.COMPUTERS, Long.toString(registration.computerID()), EventJson.toBytes(event));
    }

    public static void sendRaw(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a topic from its current end on; {@link #poll()} returns what arrived since the last call. */
    public static final class Watcher implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        public Watcher(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().bootstrapServers());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            ends.forEach(consumer::seek);
        }

        /** Everything received so far, in arrival order. */
        public List<ConsumerRecord<String, byte[]>> poll() {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
            }
            return List.copyOf(seen);
        }

        /** Reads every partition up to the end it has now. */
        public void catchUp() {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read up to " + ends);
                }
                poll();
            }
        }

        public List<ConsumerRecord<String, byte[]>> forKey(String key) {
            return poll().stream().filter(r -> key.equals(r.key())).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
