package io.vigil.registry.status;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.registry.Api;
import io.vigil.registry.KafkaProbe;
import io.vigil.registry.RegistryTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Through the real Kafka and PostgreSQL: one poisonous record that decodes (a NUL PostgreSQL text cannot hold, a
 * time at the end of {@link Instant}'s range, an unknown state, an over-long name) followed, on the same partition,
 * by a good heartbeat of another computer. The good heartbeat must be applied, the poison must land on
 * {@code vigil.dead-letter} with its source topic and a reason, and {@code vigil_registry_dead_letters_total} must
 * count it. Before, the NUL failed every flush and the far times failed the loop: the engine was rebuilt and read the
 * same record again, forever, and no computer of any partition was updated.
 */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class PoisonRecordsTest {

    static final int PARTITIONS = 12;
    static final Instant END_OF_TIME = Instant.parse("+999999999-12-31T23:59:59Z");
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Computer IDs no test activates: poison keys. */
    static final AtomicLong POISON_IDS = new AtomicLong(9_100_000_000L);

    record Poison(String topic, LongFunction<Object> data, String type) {
        @Override
        public String toString() {
            return topic;
        }
    }

    static Stream<Arguments> poisons() {
        return Stream.of(
                Arguments.of("registration with a NUL in its host name", new Poison(Topics.COMPUTERS,
                        id -> registration(id, "evil\u0000host", "activated", "running"),
                        EventTypes.COMPUTER_REGISTERED), "hostName"),
                Arguments.of("heartbeat with a NUL in its driver status", new Poison(Topics.HEARTBEATS,
                        id -> heartbeat(id, "On\u0000line", "10.0.0.1"), EventTypes.HEARTBEAT_RECEIVED),
                        "driverStatus"),
                Arguments.of("liveness judged on a heartbeat at the end of time", new Poison(Topics.LIVENESS,
                        id -> new LivenessChanged(id, 3, true, END_OF_TIME, Instant.now()),
                        EventTypes.LIVENESS_CHANGED), "lastHeartbeatAt"),
                Arguments.of("contact failure at the end of time", new Poison(Topics.CONTACT_FAILURES,
                        id -> new ContactFailed(id, "heartbeat-request", "timeout", "x", END_OF_TIME),
                        EventTypes.CONTACT_FAILED), "at"),
                Arguments.of("registration with an unknown state", new Poison(Topics.COMPUTERS,
                        id -> registration(id, "zombie-host", "zombie", "running"),
                        EventTypes.COMPUTER_REGISTERED), "state"),
                Arguments.of("registration with a 100,000-character host name", new Poison(Topics.COMPUTERS,
                        id -> registration(id, "h".repeat(100_000), "activated", "running"),
                        EventTypes.COMPUTER_REGISTERED), "hostName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisons")
    void aPoisonIsDeadLetteredAndTheNextRecordOnItsPartitionApplies(String name, Poison poison, String field) {
        try (KafkaProbe dead = new KafkaProbe(Topics.DEAD_LETTER)) {
            long good = Api.activate(Api.hostName("neighbour"));
            long bad = poisonIdOnPartitionOf(good);
            String badKey = Long.toString(bad);
            double before = deadLetters(poison.topic());

            KafkaProbe.send(poison.topic(), badKey, EventJson.toBytes(
                    CloudEvents.create("/test", poison.type(), badKey, poison.data().apply(bad))));
            long received = StatusEventsTest.heartbeat(good, StatusEventsTest.FP_A, null);

            await().atMost(WAIT).untilAsserted(() -> Api.read().get("/api/computers/" + good).then()
                    .body("lastAgentCommunication", equalTo(received)));
            await().atMost(WAIT).untilAsserted(() -> assertThat(dead.records(badKey)).hasSize(1));
            ConsumerRecord<String, byte[]> letter = dead.records(badKey).getFirst();
            assertThat(header(letter, "vigil.source-topic")).isEqualTo(poison.topic());
            assertThat(header(letter, "vigil.reason")).contains(field).doesNotContain("\u0000");
            await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters(poison.topic())).isEqualTo(before + 1));
        }
    }

    /** An unused computer ID whose records go to the same partition as the given computer's. */
    static long poisonIdOnPartitionOf(long computerID) {
        int wanted = partition(computerID);
        long id = POISON_IDS.incrementAndGet();
        while (partition(id) != wanted) {
            id = POISON_IDS.incrementAndGet();
        }
        return id;
    }

    static int partition(long computerID) {
        return BuiltInPartitioner.partitionForKey(Long.toString(computerID).getBytes(StandardCharsets.UTF_8),
                PARTITIONS);
    }

    static ComputerRegistration registration(long id, String hostName, String state, String vmState) {
        return new ComputerRegistration(id, hostName, "Linux", "20.0.1-3445", "20.0", "physical", 1, "10.0.0.9",
                4118, vmState, state, "0a1b", Instant.now().plusSeconds(86_400), Instant.now());
    }

    static HeartbeatReceived heartbeat(long id, String driverStatus, String remoteAddress) {
        return new HeartbeatReceived(id, Instant.now(), "2026-11-25T10:00:00Z", "20.0.1-3445", driverStatus,
                StatusEventsTest.FP_A, Map.of("eventsDropped", 0L), remoteAddress, "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", 1000L, 4118, List.of(), List.of(), false);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static double deadLetters(String topic) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("vigil_registry_dead_letters_total\\{[^}]*topic=\"" + Pattern.quote(topic)
                + "\"[^}]*} ([0-9.eE+]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
