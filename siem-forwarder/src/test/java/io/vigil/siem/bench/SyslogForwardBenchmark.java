package io.vigil.siem.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.alert.AlertData;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.siem.app.ForwarderFactory;
import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.directory.ComputerDirectory;
import io.vigil.siem.format.Kind;
import io.vigil.siem.forward.Forwarder;
import io.vigil.siem.forward.Receiver;
import io.vigil.siem.it.RsyslogServer;
import io.vigil.siem.receiver.ReceiverSpec;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not a test: messages per second forwarded from {@code vigil.alerts} to a real rsyslog, end to end (Kafka consume,
 * CEF formatting, RFC 5424 framing, delivery with the close handshake, offset commit), over TCP and over TLS.
 * Run: {@code ./mvnw -pl siem-forwarder verify -Pbench [-Dbench.messages=200000] [-Dbench.batch=2000]}, or its main.
 */
class SyslogForwardBenchmark {

    public static void main(String[] args) throws Exception {
        new SyslogForwardBenchmark().forwardToRsyslog();
        System.exit(0);
    }

    @Test
    void forwardToRsyslog() throws Exception {
        int messages = Integer.getInteger("bench.messages", 200_000);
        int batch = Integer.getInteger("bench.batch", 2000);
        String bootstrap = Infrastructure.shared().bootstrapServers();
        RsyslogServer rsyslog = RsyslogServer.shared();
        rsyslog.start();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", 10, "batch.size", 262144, "acks", "all"), new StringSerializer(),
                new ByteArraySerializer())) {
            produce(producer, messages);
            System.out.println("  warm-up (JIT), not counted:");
            run(bootstrap, producer, batch, messages, false, rsyslog.tcpPort(), rsyslog);
            int tcpBefore = rsyslog.tcpLines().size();
            double tcp = run(bootstrap, producer, batch, messages, false, rsyslog.tcpPort(), rsyslog);
            int tlsBefore = rsyslog.tlsLines().size();
            double tls = run(bootstrap, producer, batch, messages, true, rsyslog.tlsPort(), rsyslog);
            System.out.printf("%nSyslogForwardBenchmark: %d alerts, batch %d, rsyslog 8.2302 on loopback, %d cores,"
                    + " load average %s%n", messages, batch, Runtime.getRuntime().availableProcessors(), loadAverage());
            System.out.printf("  TCP (RFC 6587): %,.0f messages/s end to end%n", tcp);
            System.out.printf("  TLS (RFC 5425): %,.0f messages/s end to end%n%n", tls);
            assertThat(rsyslog.tcpLines().size() - tcpBefore).isGreaterThanOrEqualTo(messages);
            assertThat(rsyslog.tlsLines().size() - tlsBefore).isGreaterThanOrEqualTo(messages);
        } finally {
            rsyslog.stop();
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void produce(KafkaProducer<String, byte[]> producer, int messages) {
        Instant now = Instant.now();
        for (int i = 0; i < messages; i++) {
            long computer = 1 + i % 5000;
            String key = CloudEvents.computerKey(computer);
            AlertData alert = new AlertData(i + 1, "clock-change", "Computer Clock Change", "warning", computer,
                    "host-" + computer, now, now, 1, "active", true, "The agent's clock changed.", null);
            producer.send(new ProducerRecord<>(Topics.ALERTS, key, EventJson.toBytes(
                    CloudEvents.create("/vigil/bench", EventTypes.ALERT_RAISED, key, alert))));
        }
        producer.flush();
    }

    /** Starts a forwarder with a fresh consumer group (reads the topic from the start); messages/s until all taken. */
    private static double run(String bootstrap, Producer<String, byte[]> deadLetters, int batch, int messages,
                              boolean tls, int port, RsyslogServer rsyslog) throws InterruptedException {
        ReceiverSpec spec = new ReceiverSpec(tls, "127.0.0.1", port, EnumSet.of(Kind.ALERTS), CefSeverity.INFO);
        List<Receiver> receivers = ForwarderFactory.receivers(List.of(spec), Optional.of(rsyslog.certificate()),
                Optional.empty(), true, Duration.ofSeconds(5), Duration.ofSeconds(60));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ForwarderFactory.Settings settings = new ForwarderFactory.Settings("bench-" + UUID.randomUUID(), batch,
                "1.0", 16, "bench-manager", Duration.ofMillis(100), Duration.ofSeconds(1));
        KafkaClientFactory kafka = new KafkaClientFactory(Map.of("bootstrap.servers", bootstrap));
        Forwarder forwarder = ForwarderFactory.forwarder(kafka, settings, receivers, new ComputerDirectory(),
                deadLetters, registry);
        long start = System.nanoTime();
        Thread thread = Thread.ofPlatform().name("bench-forwarder").start(forwarder);
        Counter forwarded = registry.get("vigil.siem.forwarded").counter();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> forwarded.count() > 0);
        long firstBatch = System.nanoTime();
        double firstCount = forwarded.count();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> forwarded.count() >= messages);
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        System.out.printf("  %s: %,.0f messages/s end to end (from start, group join included), %,.0f messages/s "
                + "after the first batch%n", tls ? "TLS" : "TCP", messages / seconds,
                (messages - firstCount) / ((end - firstBatch) / 1e9));
        forwarder.stop();
        thread.join();
        await().atMost(Duration.ofMinutes(2)).until(() -> (tls ? rsyslog.tlsLines() : rsyslog.tcpLines()).size()
                >= messages);
        return messages / seconds;
    }
}
