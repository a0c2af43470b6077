package io.vigil.webconsole.stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.status.ComputerStatusChanged;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.PlainHttp;
import io.vigil.testkit.VigilTestResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Records published on the real {@code vigil.computer-status} and {@code vigil.alerts} reach an open stream (opened
 * with the key in the header, read-only is enough) as {@code computer-status} and {@code alert} events, and are
 * counted on {@code /q/metrics}.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
class LiveStreamTest {

    @TestHTTPResource("/console/stream")
    URI stream;

    @Test
    void eventsOfThePublicTopicsReachAnOpenStream() throws Exception {
        await("feed reading its topics").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body(containsString("console-stream")));
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = PlainHttp.client().send(PlainHttp.request(stream.toString())
                .header("api-secret-key", "test-read-key").header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(l -> lines.add(l.replaceFirst("^(event|data): ", "$1:"))));
        try {
            await("ready").atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));
            long computerID = System.nanoTime() % 1_000_000_000L;
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                    Infrastructure.shared().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.COMPUTER_STATUS, CloudEvents.computerKey(computerID),
                        EventJson.toBytes(CloudEvents.create("/vigil/agent-registry",
                                EventTypes.COMPUTER_STATUS_CHANGED, "computer/" + computerID,
                                new ComputerStatusChanged(computerID, "live-01", "offline", "active", 2,
                                        "heartbeats missed", Instant.now()))))).get();
                producer.send(new ProducerRecord<>(Topics.ALERTS, CloudEvents.computerKey(computerID),
                        EventJson.toBytes(CloudEvents.create("/vigil/alert-service", EventTypes.ALERT_RAISED,
                                "computer/" + computerID, Map.of("ID", 77, "alertType", "agent-offline",
                                        "computerID", computerID, "state", "active"))))).get();
            }
            await("both events on the stream").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(lines).containsSubsequence("event:computer-status");
                assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains("\"computerID\":" + computerID)
                        && l.contains("\"agentStatus\":\"offline\""));
                assertThat(lines).anyMatch(l -> l.startsWith("data:") && l.contains(EventTypes.ALERT_RAISED)
                        && l.contains("\"computerID\":" + computerID));
                assertThat(lines).contains("event:alert");
            });
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("vigil_console_stream_events_total{topic=\"vigil.computer-status\"}"))
                    .body(containsString("vigil_console_stream_clients"));
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }
}
