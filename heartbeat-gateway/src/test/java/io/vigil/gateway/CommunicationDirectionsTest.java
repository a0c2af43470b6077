package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.gateway.contact.AgentContact;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.heartbeat.BodySize;
import io.vigil.gateway.support.ListeningAgent;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.gateway.support.Topics;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three communication directions against small in-test agents (HTTPS servers with agent certificates from the
 * platform CA), with real Kafka: Bidirectional pushes, Manager Initiated polls (heartbeats with viaPoll=true, pushes
 * and their results), and the ContactFailed reasons.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class CommunicationDirectionsTest {

    private static final String OLD_FP = "sha256:" + "0".repeat(64);
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Inject
    AgentContact contact;

    private CertificateAuthority ca;

    @BeforeEach
    void contactGroupJoined() {
        ca = new CaDirectory(TestAgent.CA_DIR).load();
        await().atMost(Duration.ofSeconds(60)).until(contact::caughtUp);
    }

    private static long newComputerID() {
        return 7_000_000 + ThreadLocalRandom.current().nextLong(1_000_000);
    }

    @Test
    void bidirectionalComputersGetAChangedConfigurationPushed() {
        long id = newComputerID();
        try (ListeningAgent agent = ListeningAgent.start(ca, id, OLD_FP)) {
            registration(id, agent.port(), agent.serialHex);
            configuration(id, new AgentConfiguration(600, "Bidirectional", null, List.of("any")));
            AgentConfiguration changed = new AgentConfiguration(300, "Bidirectional", 120L, List.of("10.0.0.0/8"));
            configuration(id, changed);

            await().atMost(PATIENCE).until(() -> !agent.configurations.isEmpty());
            JsonNode push = agent.configurations.getFirst();
            assertThat(push.get("configFingerprint").asText()).isEqualTo(ConfigFingerprint.of(changed));
            assertThat(EventJson.mapper().convertValue(push.get("configuration"), AgentConfiguration.class))
                    .isEqualTo(changed);
            assertThat(agent.configurations).as("the first record is not a change").hasSize(1);
            assertThat(agent.callers).containsOnly(List.of(CertificateNames.MANAGER));
            assertThat(agent.heartbeatRequests).as("Bidirectional computers are not polled").hasValue(0);
        }
    }

    @Test
    void aFailedPushFallsBackToTheNextHeartbeat() throws IOException {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-fallback", "fallback-01");
        long id = agent.computerID;
        try (KafkaConsumer<String, String> failures = Topics.tail(io.vigil.events.Topics.CONTACT_FAILURES)) {
            registration(id, closedPort(), CertificateAuthority.serialHex(agent.chain.getFirst().getSerialNumber()));
            configuration(id, new AgentConfiguration(600, "Bidirectional", null, List.of("any")));
            AgentConfiguration changed = new AgentConfiguration(900, "Bidirectional", null, List.of("any"));
            configuration(id, changed);

            ContactFailed failed = awaitFailure(failures, id);
            assertThat(failed.operation()).isEqualTo("configuration");
            assertThat(failed.reason()).isEqualTo("refused");

            JsonNode answer = TestAgent.read(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(OLD_FP)).body());
            assertThat(answer.get("operations")).singleElement().satisfies(op -> {
                assertThat(op.get("type").asText()).isEqualTo("UpdateConfiguration");
                assertThat(op.get("configFingerprint").asText()).isEqualTo(ConfigFingerprint.of(changed));
            });
        }
    }

    @Test
    void managerInitiatedComputersArePolledAndGetTheirConfigurationPushed() {
        long id = newComputerID();
        AgentConfiguration polled = new AgentConfiguration(4, "Manager Initiated", null, List.of("any"));
        String expected = ConfigFingerprint.of(polled);
        try (ListeningAgent agent = ListeningAgent.start(ca, id, OLD_FP);
             KafkaConsumer<String, String> heartbeats = Topics.tail(io.vigil.events.Topics.HEARTBEATS);
             KafkaConsumer<String, String> events = Topics.tail(io.vigil.events.Topics.AGENT_EVENTS)) {
            registration(id, agent.port(), agent.serialHex);
            configuration(id, polled);

            List<HeartbeatReceived> seen = new CopyOnWriteArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                seen.addAll(received(heartbeats, id, HeartbeatReceived.class));
                return seen.stream().anyMatch(h -> expected.equals(h.configFingerprint()));
            });
            assertThat(seen).allSatisfy(h -> {
                assertThat(h.viaPoll()).isTrue();
                assertThat(h.remoteAddress()).isEqualTo("127.0.0.1");
                assertThat(h.tlsProtocol()).isEqualTo("TLSv1.3");
                assertThat(h.listeningPort()).isEqualTo(agent.port());
            });
            assertThat(seen.getFirst().configFingerprint()).isEqualTo(OLD_FP);
            HeartbeatReceived updated = seen.stream().filter(h -> expected.equals(h.configFingerprint()))
                    .findFirst().orElseThrow();
            assertThat(updated.operationResults()).singleElement().satisfies(r -> {
                assertThat(r.type()).isEqualTo("UpdateConfiguration");
                assertThat(r.status()).isEqualTo("applied");
            });
            assertThat(agent.configurations).singleElement()
                    .satisfies(p -> assertThat(p.get("configFingerprint").asText()).isEqualTo(expected));

            List<AgentEvent> logged = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                logged.addAll(received(events, id, AgentEvent.class));
                return !logged.isEmpty();
            });
            assertThat(logged.getFirst().description()).startsWith("answered poll");
        }
    }

    @Test
    void aRefusedPushUnderManagerInitiatedIsReportedOnceAndNotRepeated() {
        long id = newComputerID();
        AgentConfiguration polled = new AgentConfiguration(3, "Manager Initiated", null, List.of("any"));
        try (ListeningAgent agent = ListeningAgent.start(ca, id, OLD_FP);
             KafkaConsumer<String, String> heartbeats = Topics.tail(io.vigil.events.Topics.HEARTBEATS)) {
            agent.refusal = "setting not supported";
            registration(id, agent.port(), agent.serialHex);
            configuration(id, polled);

            List<HeartbeatReceived> seen = new CopyOnWriteArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                seen.addAll(received(heartbeats, id, HeartbeatReceived.class));
                return seen.stream().anyMatch(h -> !h.operationResults().isEmpty());
            });
            HeartbeatReceived reported = seen.stream().filter(h -> !h.operationResults().isEmpty()).findFirst()
                    .orElseThrow();
            assertThat(reported.operationResults()).singleElement().satisfies(r -> {
                assertThat(r.type()).isEqualTo("UpdateConfiguration");
                assertThat(r.status()).isEqualTo("failed");
                assertThat(r.reason()).isEqualTo("setting not supported");
            });
            int polls = agent.heartbeatRequests.get();
            await().atMost(PATIENCE).until(() -> agent.heartbeatRequests.get() >= polls + 2);
            assertThat(agent.configurations).as("not pushed again until the configuration changes").hasSize(1);
        }
    }

    @Test
    void failedPollsPublishContactFailedWithTheirReason() throws IOException {
        long refused = newComputerID();
        long impostor = newComputerID();
        AgentConfiguration polled = new AgentConfiguration(4, "Manager Initiated", null, List.of("any"));
        try (ListeningAgent wrong = ListeningAgent.start(ca, impostor + 1, OLD_FP);
             KafkaConsumer<String, String> failures = Topics.tail(io.vigil.events.Topics.CONTACT_FAILURES)) {
            registration(refused, closedPort(), "01");
            registration(impostor, wrong.port(), wrong.serialHex);
            configuration(refused, polled);
            configuration(impostor, polled);

            List<ContactFailed> seen = new CopyOnWriteArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                seen.addAll(received(failures, refused, ContactFailed.class));
                seen.addAll(received(failures, impostor, ContactFailed.class));
                return seen.stream().anyMatch(f -> f.computerID() == refused)
                        && seen.stream().anyMatch(f -> f.computerID() == impostor);
            });
            assertThat(seen).allSatisfy(f -> assertThat(f.operation()).isEqualTo("heartbeat-request"));
            assertThat(seen).filteredOn(f -> f.computerID() == refused)
                    .allSatisfy(f -> assertThat(f.reason()).isEqualTo("refused"));
            assertThat(seen).filteredOn(f -> f.computerID() == impostor).allSatisfy(f -> {
                assertThat(f.reason()).isEqualTo("certificate-problem");
                assertThat(f.detail()).contains("names computer " + (impostor + 1));
            });
            assertThat(wrong.callers).as("nothing is sent to the wrong computer").isEmpty();
            assertThat(wrong.heartbeatRequests).hasValue(0);
        }
    }

    @Test
    void aPolledAnswerIsHeldToTheEventCapAndBodyLimitOfAPushedHeartbeat() {
        long crowded = newComputerID();
        long padded = newComputerID();
        // a 10 s interval: a poll may take 5 s (half the interval), time enough for 1,000 entries on a busy machine
        AgentConfiguration polled = new AgentConfiguration(10, "Manager Initiated", null, List.of("any"));
        try (ListeningAgent many = ListeningAgent.start(ca, crowded, ConfigFingerprint.of(polled));
             ListeningAgent large = ListeningAgent.start(ca, padded, ConfigFingerprint.of(polled));
             KafkaConsumer<String, String> failures = Topics.tail(io.vigil.events.Topics.CONTACT_FAILURES);
             KafkaConsumer<String, String> heartbeats = Topics.tail(io.vigil.events.Topics.HEARTBEATS)) {
            many.eventsPerAnswer = 1001;
            large.paddingChars = (int) BodySize.LIMIT; // the body is larger than a pushed heartbeat may be
            registration(crowded, many.port(), many.serialHex);
            registration(padded, large.port(), large.serialHex);
            configuration(crowded, polled);
            configuration(padded, polled);

            ContactFailed tooMany = awaitFailure(failures, crowded);
            assertThat(tooMany.operation()).isEqualTo("heartbeat-request");
            assertThat(tooMany.reason()).isEqualTo("error");
            assertThat(tooMany.detail()).contains("at most 1000 log entries per heartbeat");
            ContactFailed tooLarge = awaitFailure(failures, padded);
            assertThat(tooLarge.operation()).isEqualTo("heartbeat-request");
            assertThat(tooLarge.detail()).contains("exceeds " + BodySize.LIMIT);
            assertThat(received(heartbeats, crowded, HeartbeatReceived.class)).as("nothing recorded").isEmpty();
            assertThat(received(heartbeats, padded, HeartbeatReceived.class)).as("nothing recorded").isEmpty();

            // exactly the cap is recorded, as it would be when pushed
            many.eventsPerAnswer = 1000;
            List<HeartbeatReceived> seen = new CopyOnWriteArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                seen.addAll(received(heartbeats, crowded, HeartbeatReceived.class));
                return !seen.isEmpty();
            });
            assertThat(seen.getFirst().viaPoll()).isTrue();
        }
    }

    private ContactFailed awaitFailure(KafkaConsumer<String, String> failures, long id) {
        List<ContactFailed> seen = new CopyOnWriteArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            seen.addAll(received(failures, id, ContactFailed.class));
            return !seen.isEmpty();
        });
        return seen.getFirst();
    }

    /** Records a consumer read that no call has asked for yet: looking for one computer never drops another's. */
    private final Map<KafkaConsumer<String, String>, List<ConsumerRecord<String, String>>> unclaimed =
            new IdentityHashMap<>();

    /** The records of computer {@code id} read since the last call for it, each returned once. */
    private synchronized <T> List<T> received(KafkaConsumer<String, String> consumer, long id, Class<T> type) {
        List<ConsumerRecord<String, String>> pending = unclaimed.computeIfAbsent(consumer, c -> new ArrayList<>());
        pending.addAll(Topics.poll(consumer));
        String key = Long.toString(id);
        List<T> mine = pending.stream().filter(r -> key.equals(r.key()))
                .map(r -> EventJson.readEvent(r.value(), type).data()).toList();
        pending.removeIf(r -> key.equals(r.key()));
        return mine;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void registration(long id, int port, String serial) {
        Topics.publish(io.vigil.events.Topics.COMPUTERS, id, EventTypes.COMPUTER_REGISTERED,
                new ComputerRegistration(id, "host-" + id, "Linux", "20.0.1", "20", "physical", 1, "127.0.0.1", port,
                        "running", ComputerRegistration.ACTIVATED, serial, Instant.now().plus(300, ChronoUnit.DAYS),
                        Instant.now()));
    }

    private static void configuration(long id, AgentConfiguration configuration) {
        Topics.publish(io.vigil.events.Topics.COMPUTER_CONFIG, id, EventTypes.COMPUTER_CONFIGURATION,
                new ComputerConfiguration(id, 1, Map.of(), configuration, ConfigFingerprint.of(configuration),
                        configuration.heartbeatIntervalSeconds(), 2, configuration.clockChangeThresholdSeconds(),
                        false, Instant.now()));
    }
}
