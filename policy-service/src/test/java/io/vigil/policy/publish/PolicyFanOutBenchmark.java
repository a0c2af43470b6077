package io.vigil.policy.publish;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.policy.KafkaFixture;
import io.vigil.policy.QuarkusTestBase;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Properties;

import static io.vigil.policy.ApiFixture.createPolicy;
import static io.vigil.policy.ApiFixture.full;
import static io.vigil.policy.ApiFixture.uniqueName;

/**
 * Not a test (surefire excludes it; run with {@code ./mvnw -pl policy-service verify -Pbench}): registers
 * {@code bench.computers} computers (default 100,000) through {@code vigil.internal.computers}, waits for their first
 * configurations, then changes the Base Policy's heartbeat interval and measures the time from the REST call to the
 * last republished configuration (by the records' producer timestamps, and as seen by a consumer), with heap use.
 * The application, the broker client and this harness share one JVM, so the heap figures include all three.
 */
@QuarkusTest
class PolicyFanOutBenchmark extends QuarkusTestBase {

    static final int COMPUTERS = Integer.getInteger("bench.computers", 100_000);
    static final long FIRST_ID = 50_000_000L;
    static final String INTERVAL = "platformSettingHeartbeatInterval";

    @Test
    void fanOut() {
        long[] policies = new long[10];
        for (int i = 0; i < policies.length; i++) {
            policies[i] = createPolicy(uniqueName("bench-" + i), 1);
        }
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            long start = System.nanoTime();
            register(policies);
            Seen initial = await(consumer, null, Long.MIN_VALUE);
            System.out.printf("BENCH registered %,d computers and published their first configurations in %,d ms%n",
                    COMPUTERS, (System.nanoTime() - start) / 1_000_000);
            for (String value : List.of("5 minutes", "7 minutes")) {
                measure(consumer, value);
            }
        } finally {
            full().delete("/api/policies/1/settings/" + INTERVAL).then().statusCode(200);
        }
    }

    private void measure(KafkaConsumer<String, byte[]> consumer, String value) {
        System.gc();
        long heapBefore = heapUsed();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long expected = io.vigil.policy.setting.Durations.parseSeconds(value);
        long wallStart = System.currentTimeMillis();
        long start = System.nanoTime();
        full().body("{\"value\":\"" + value + "\"}").post("/api/policies/1/settings/" + INTERVAL).then().statusCode(200);
        Seen seen = await(consumer, expected, wallStart);
        long consumed = (System.nanoTime() - start) / 1_000_000;
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("BENCH Base Policy -> %s: %,d configurations republished; last one produced %,d ms after "
                        + "the change (last consumed after %,d ms); heap used before %,d MiB, peak of heap pools during "
                        + "the fan-out %,d MiB, max heap %,d MiB%n", value, seen.count, seen.lastTimestamp - wallStart,
                consumed, heapBefore >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void register(long[] policies) {
        var producer = KafkaFixture.producer();
        for (int i = 0; i < COMPUTERS; i++) {
            long id = FIRST_ID + i;
            var registration = KafkaFixture.registration(id, i % 50 == 0 ? "appliance" : "physical",
                    policies[i % policies.length], "activated");
            byte[] value = EventJson.toBytes(io.vigil.events.cloudevents.CloudEvents.create("/vigil/agent-registry",
                    io.vigil.events.EventTypes.COMPUTER_REGISTERED, Long.toString(id), registration));
            producer.send(new ProducerRecord<>(Topics.COMPUTERS, Long.toString(id), value));
        }
        producer.flush();
    }

    record Seen(int count, long lastTimestamp) {
    }

    /** Consumes until every bench computer has a configuration (with the expected interval, when given). */
    private Seen await(KafkaConsumer<String, byte[]> consumer, Long intervalSeconds, long notBefore) {
        BitSet seen = new BitSet(COMPUTERS);
        long lastTimestamp = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (seen.cardinality() < COMPUTERS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen.cardinality() + " configurations arrived");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                long id = Long.parseLong(record.key());
                if (id < FIRST_ID || id >= FIRST_ID + COMPUTERS || record.value() == null
                        || record.timestamp() < notBefore) {
                    continue;
                }
                if (intervalSeconds != null && EventJson.readEvent(record.value(), ComputerConfiguration.class)
                        .data().heartbeatIntervalSeconds() != intervalSeconds) {
                    continue;
                }
                seen.set((int) (id - FIRST_ID));
                lastTimestamp = Math.max(lastTimestamp, record.timestamp());
            }
        }
        return new Seen(seen.cardinality(), lastTimestamp);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMPUTER_CONFIG).stream()
                .map(p -> new TopicPartition(Topics.COMPUTER_CONFIG, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
