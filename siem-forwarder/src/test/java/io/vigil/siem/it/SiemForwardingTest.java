package io.vigil.siem.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.alert.AlertData;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.testkit.EventSchemas;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Real alert, agent-event and audit CloudEvents on the real topics, forwarded to a real rsyslog over TCP and TLS:
 * every expected CEF line arrives at least once, in order per computer, with the right fields, also across an
 * rsyslog stop and restart; a poison record goes to the dead-letter topic and is counted.
 */
@QuarkusTest
@QuarkusTestResource(value = RsyslogTestResource.class, restrictToAnnotatedClass = true)
class SiemForwardingTest {

    private static final Pattern EXTERNAL_ID = Pattern.compile(" externalId=([^ ]+)");
    private static final Pattern COMPUTER = Pattern.compile(" cs1=([0-9]+)");

    private final RsyslogServer rsyslog = RsyslogServer.shared();
    private final List<Sent> sent = new ArrayList<>();

    record Sent(String id, long computerID, String type, boolean toTls, String expectedFragment) {
    }

    @Test
    void forwardsEveryEventInOrderPerComputerAcrossAnRsyslogRestart() {
        try (KafkaProducer<String, String> producer = producer()) {
            produceRound(producer, "before");
            awaitDelivered();

            rsyslog.stop();
            produceRound(producer, "during");
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'kafka-connection' }.status", is("UP"));
            await("the forwarder notices the receiver is down").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().when().get("/q/metrics").then().body(containsString("vigil_siem_receiver_up{receiver=\"tcp://127.0.0.1:" + rsyslog.tcpPort() + "\"} 0.0")));
            produceRound(producer, "still-down");
            rsyslog.start();
            awaitDelivered();
        }
        List<String> tcp = rsyslog.tcpLines();
        assertInOrderPerComputer(tcp, sent);
        assertInOrderPerComputer(rsyslog.tlsLines(), sent.stream().filter(Sent::toTls).toList());
        for (Sent s : sent) {
            String line = lineOf(tcp, s.id());
            assertThat(line).as(s.type()).contains(s.expectedFragment())
                    .contains(" vigil-test-manager vigil - ");
        }
        assertThat(rsyslog.tlsLines()).allMatch(l -> l.contains("|Vigil|Vigil Manager|"))
                .noneMatch(l -> l.contains(" agent-event ")).noneMatch(l -> l.contains(" audit "));
        given().when().get("/q/metrics").then()
                .body(containsString("vigil_siem_delivery_failures_total{receiver=\"tcp://127.0.0.1:"));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithItsReasonAndIsCounted() {
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> deadLetters = consumer()) {
            deadLetters.subscribe(List.of(Topics.DEAD_LETTER));
            producer.send(new ProducerRecord<>(Topics.ALERTS, poisonKey, "{\"not\":\"a cloud event\"}"));
            producer.send(new ProducerRecord<>(Topics.ALERTS, poisonKey, EventJson.toJson(CloudEvents.create(
                    "/vigil/test", EventTypes.ALERT_RAISED, null, alert(1, "disk-full", "warning", null, "active")))));
            produceRound(producer, "after-poison");
            List<ConsumerRecord<String, String>> letters = new ArrayList<>();
            await("dead letters").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (poisonKey.equals(r.key())) {
                        letters.add(r);
                    }
                });
                assertThat(letters).hasSize(2);
            });
            assertThat(header(letters.get(0), "vigil.reason")).contains("id and type are required");
            assertThat(header(letters.get(1), "vigil.reason")).contains("no signature ID for alertType disk-full");
            assertThat(letters).allMatch(r -> header(r, "vigil.source-topic").equals(Topics.ALERTS));
        }
        awaitDelivered();
        given().when().get("/q/metrics").then().body(containsString("vigil_siem_dead_letters_total"));
        String metrics = given().when().get("/q/metrics").asString();
        Matcher count = Pattern.compile("vigil_siem_dead_letters_total(\\{[^}]*})? ([0-9.]+)").matcher(metrics);
        assertThat(count.find()).isTrue();
        assertThat(Double.parseDouble(count.group(2))).isGreaterThanOrEqualTo(2.0);
    }

    /**
     * Each poisonous record (broken JSON, a wrong JSON type, NUL and control characters, an unknown severity, a
     * missing time, a 700 KB string, a time beyond epoch milliseconds, an event ID beyond 16 bits) is followed by a
     * good alert with the same key, so on the same partition: each poison lands on the dead-letter topic with a short
     * reason, and every good alert after it reaches rsyslog.
     */
    @Test
    void aPoisonRecordNeverStallsItsPartition() throws Exception {
        long computer = RsyslogTestResource.COMPUTERS[0];
        String key = CloudEvents.computerKey(computer);
        String goodAlert = EventJson.toJson(CloudEvents.create("/vigil/test", EventTypes.ALERT_RAISED, key,
                alert(77, "agent-offline", "critical", computer, "active")));
        Map<String, String> poisons = new java.util.LinkedHashMap<>();
        poisons.put("{\"id\":", "unreadable event");
        poisons.put(goodAlert.replace("\"occurrences\":1", "\"occurrences\":\"many\""), "unreadable event");
        poisons.put(goodAlert.replace("agent-offline", "agent\\u0000off\\u0007line"), "no signature ID");
        poisons.put(goodAlert.replace("\"critical\"", "\"catastrophic\""), "unknown severity");
        poisons.put(goodAlert.replaceFirst("\"time\":\"[^\"]*\",", ""), "has no time");
        poisons.put(goodAlert.replace("agent-offline", "x".repeat(700_000)), "no signature ID");
        poisons.put(goodAlert.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"+1000000000-12-31T23:59:59Z\""),
                "time");
        Map<String, String> expectedReason = new java.util.HashMap<>();
        List<String> goodIds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer();
             KafkaConsumer<String, String> deadLetters = consumer()) {
            deadLetters.subscribe(List.of(Topics.DEAD_LETTER));
            for (Map.Entry<String, String> poison : poisons.entrySet()) {
                var sent = producer.send(new ProducerRecord<>(Topics.ALERTS, key, poison.getKey())).get();
                expectedReason.put(sent.partition() + ":" + sent.offset(), poison.getValue());
                CloudEvent<AlertData> good = CloudEvents.create("/vigil/test", EventTypes.ALERT_RAISED, key,
                        alert(78, "agent-offline", "critical", computer, "active"));
                producer.send(new ProducerRecord<>(Topics.ALERTS, key, EventJson.toJson(good))).get();
                goodIds.add(good.id());
            }
            var sent = producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, key, EventJson.toJson(
                    CloudEvents.create("/vigil/test", EventTypes.AGENT_EVENT, key, new AgentEvent(computer, "h",
                            Integer.MAX_VALUE, "2026-11-25 10:00:00", "overflow", null))))).get();
            expectedReason.put("agent-events " + sent.partition() + ":" + sent.offset(), "eventID");
            Map<String, String> reasons = new java.util.HashMap<>();
            await("every poison dead-lettered").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
                    String at = header(r, "vigil.source-offset");
                    reasons.put(header(r, "vigil.source-topic").equals(Topics.AGENT_EVENTS) ? "agent-events " + at
                            : at, header(r, "vigil.reason"));
                });
                assertThat(reasons).containsKeys(expectedReason.keySet().toArray(String[]::new));
            });
            expectedReason.forEach((at, words) -> assertThat(reasons.get(at)).as(at).contains(words)
                    .hasSizeLessThanOrEqualTo(1_000).doesNotContain("\u0000"));
        }
        await("every good alert after a poison in rsyslog").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(ids(rsyslog.tcpLines())).containsAll(goodIds));
    }

    /** Per computer: raised, updated, agent event, audit, cleared; plus a platform-wide alert. */
    private void produceRound(KafkaProducer<String, String> producer, String round) {
        for (long computer : RsyslogTestResource.COMPUTERS) {
            long alertID = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000) + 1;
            send(producer, computer, EventTypes.ALERT_RAISED, alert(alertID, "clock-change", "warning", computer,
                    "active"), true, "|734|Computer Clock Change|6|");
            send(producer, computer, EventTypes.ALERT_UPDATED, alert(alertID, "clock-change", "warning", computer,
                    "active"), true, " act=updated ");
            send(producer, computer, EventTypes.AGENT_EVENT, new AgentEvent(computer, "host-" + computer, 5004,
                    "2026-11-25 10:00:00", "Clock|Changed " + round, null), false,
                    "|105004|Clock\\|Changed " + round + "|3|");
            send(producer, computer, EventTypes.AUDIT, new AuditRecord("api-key:0123456789abcdef",
                    "computer.updated", "computer", Long.toString(computer), Instant.now(), null,
                    JsonNodeFactory.instance.objectNode().put("description", "a=b\nc"), "agent-registry"), false,
                    "dvchost=host-" + computer + " dvc=10.0.0." + (computer % 100));
            send(producer, computer, EventTypes.ALERT_CLEARED, alert(alertID + 1, "agent-offline", "critical",
                    computer, "cleared"), true, "|90001|Agent/Appliance Offline|10|");
        }
        producer.flush();
    }

    private void send(KafkaProducer<String, String> producer, long computer, String type, Object data,
                      boolean alertToTls, String fragment) {
        String key = CloudEvents.computerKey(computer);
        CloudEvent<Object> event = CloudEvents.create("/vigil/test", type, key, data);
        String json = EventJson.toJson(event);
        EventSchemas.check(json);
        producer.send(new ProducerRecord<>(topicOf(type), key, json));
        sent.add(new Sent(event.id(), computer, type, alertToTls, fragment));
    }

    private void awaitDelivered() {
        await("every message in rsyslog").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(ids(rsyslog.tcpLines())).containsAll(sent.stream().map(Sent::id).toList());
            assertThat(ids(rsyslog.tlsLines())).containsAll(sent.stream().filter(Sent::toTls).map(Sent::id).toList());
        });
    }

    /** In order per computer within each topic (Kafka orders a partition; three topics have no common order). */
    private static void assertInOrderPerComputer(List<String> lines, List<Sent> expected) {
        for (long computer : RsyslogTestResource.COMPUTERS) {
            LinkedHashSet<String> firstSeen = new LinkedHashSet<>();
            for (String line : lines) {
                Matcher c = COMPUTER.matcher(line);
                Matcher id = EXTERNAL_ID.matcher(line);
                if (c.find() && Long.parseLong(c.group(1)) == computer && id.find()) {
                    firstSeen.add(id.group(1));
                }
            }
            for (String topic : List.of(Topics.ALERTS, Topics.AGENT_EVENTS, Topics.AUDIT)) {
                List<String> wanted = expected.stream()
                        .filter(s -> s.computerID() == computer && topicOf(s.type()).equals(topic))
                        .map(Sent::id).toList();
                assertThat(firstSeen.stream().filter(wanted::contains).toList())
                        .as("order for computer %d on %s", computer, topic).containsExactlyElementsOf(wanted);
            }
        }
    }

    private static String topicOf(String type) {
        return type.startsWith("vigil.alert.") ? Topics.ALERTS
                : type.equals(EventTypes.AUDIT) ? Topics.AUDIT : Topics.AGENT_EVENTS;
    }

    private static List<String> ids(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            Matcher m = EXTERNAL_ID.matcher(line);
            if (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static String lineOf(List<String> lines, String id) {
        return lines.stream().filter(l -> l.contains(" externalId=" + id + " ") || l.endsWith(" externalId=" + id))
                .findFirst().orElseThrow();
    }

    private static AlertData alert(long id, String type, String severity, Long computer, String state) {
        String name = switch (type) {
            case "clock-change" -> "Computer Clock Change";
            case "agent-offline" -> "Agent/Appliance Offline";
            default -> type;
        };
        return new AlertData(id, type, name, severity, computer, computer == null ? null : "host-" + computer,
                Instant.now(), Instant.now(), 1, state, true, "test alert", null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", Infrastructure.shared().bootstrapServers(),
                "acks", "all"), new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", Infrastructure.shared().bootstrapServers(),
                "group.id", "dead-letter-check-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
