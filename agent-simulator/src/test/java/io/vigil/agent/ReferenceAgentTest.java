package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vigil.agent.net.ListeningPort;
import io.vigil.agent.testing.FakeManager;
import io.vigil.agent.testing.TestPki;
import io.vigil.agent.tls.KeyMaterial;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.tls.AgentReleases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The reference agent against a small in-test HTTPS server that plays the manager (with its own test CA). */
class ReferenceAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestPki pki;
    private static FakeManager manager;
    private static Vertx vertx;
    private final List<ReferenceAgent> agents = new ArrayList<>();

    @BeforeAll
    static void startManager() throws Exception {
        pki = TestPki.create("Vigil test CA");
        manager = FakeManager.start(pki, pki.manager());
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopManager() throws Exception {
        manager.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopAgents() {
        agents.forEach(a -> a.stop().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join());
    }

    private AgentSettings.Builder settings(String host) {
        return AgentSettings.builder(manager.uri(), FakeManager.TOKEN, pki.caSha256()).hostName(host)
                .listeningPort(0).listenHost("127.0.0.1");
    }

    private ReferenceAgent started(AgentSettings settings) throws Exception {
        ReferenceAgent agent = new ReferenceAgent(vertx, settings);
        agent.onStateChange(System.out::println);
        agents.add(agent);
        agent.start().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return agent;
    }

    @Test
    void activatesWithItsOwnKeyAndBeatsWithItsClientCertificate() throws Exception {
        ReferenceAgent agent = started(settings("web-01").build());

        assertThat(agent.state()).isEqualTo(AgentState.ACTIVE);
        JsonNode activation = manager.activations.getLast();
        assertThat(activation.path("hostName").asText()).isEqualTo("web-01");
        assertThat(activation.path("agentRelease").asText()).isEqualTo("20");
        assertThat(activation.path("listeningPort").asInt()).isEqualTo(agent.listeningPort()).isPositive();
        assertThat(activation.path("csr").asText()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
        assertThat(agent.certificate().getPublicKey()).isNotNull();

        await().atMost(WAIT).until(() -> !manager.heartbeatsOf(agent.computerID()).isEmpty());
        FakeManager.Received beat = manager.heartbeatsOf(agent.computerID()).getFirst();
        JsonNode body = beat.body();
        assertThat(body.path("agentVersion").asText()).isEqualTo("20.0.1-3445");
        assertThat(Instant.parse(body.path("agentTime").asText())).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(30, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(body.path("driverStatus").asText()).isEqualTo("Online");
        assertThat(body.path("configFingerprint").asText()).isEqualTo(ConfigFingerprint.of(manager.configuration));
        assertThat(body.path("counters").path("eventsDropped").asLong()).isZero();
        assertThat(body.path("listeningPort").asInt()).isEqualTo(agent.listeningPort());
        assertThat(beat.serial()).isEqualTo(agent.certificate().getSerialNumber());
        assertThat(beat.protocol()).isEqualTo("TLSv1.2");
        assertThat(AgentReleases.forRelease("20").orElseThrow().variants().getFirst().suites())
                .contains(beat.cipherSuite());
        await().atMost(WAIT).until(() -> agent.acceptedHeartbeats() >= 1);
        assertThat(agent.lastStatus()).isEqualTo(200);
    }

    @Test
    void aHeartbeatTimerThatFiresLateIsReportedAsTheAgentsOwnLateness() throws Exception {
        ReferenceAgent agent = started(settings("starved-01").build());
        await().atMost(WAIT).until(() -> agent.acceptedHeartbeats() >= 1);
        agent.resetTimerLateness();
        assertThat(agent.longestTimerLateness()).isZero();

        // a heartbeat due at once while the agent's event loop is held for 1.2 s (a starved process)
        CompletableFuture<Void> held = new CompletableFuture<>();
        agent.onContext(() -> {
            agent.heartbeats().beatSoon();
            long until = System.nanoTime() + Duration.ofMillis(1_200).toNanos();
            while (System.nanoTime() < until) {
                LockSupport.parkNanos(until - System.nanoTime());
            }
            held.complete(null);
        });
        held.get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> agent.longestTimerLateness().compareTo(Duration.ofSeconds(1)) >= 0);
        assertThat(agent.longestTimerLateness()).isLessThan(WAIT);

        agent.resetTimerLateness();
        long accepted = agent.acceptedHeartbeats();
        agent.onContext(() -> agent.heartbeats().beatSoon());
        await().atMost(WAIT).until(() -> agent.acceptedHeartbeats() > accepted);
        assertThat(agent.longestTimerLateness()).as("on time when the loop is free").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void refusesAManagerWhoseCaDoesNotMatchThePin() {
        int before = manager.activations.size();
        TestPki other = TestPki.create("Another CA");
        ReferenceAgent agent = new ReferenceAgent(vertx, AgentSettings.builder(manager.uri(), FakeManager.TOKEN,
                other.caSha256()).hostName("pinned-elsewhere").listen(false).retryDelay(Duration.ofMillis(200)).build());
        agents.add(agent);

        assertThatThrownBy(() -> agent.start().toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ActivationException.class)
                .hasMessageContaining("not trusted").hasMessageContaining(other.caSha256());
        assertThat(agent.state()).isEqualTo(AgentState.FAILED);
        assertThat(manager.activations).hasSize(before);
    }

    @Test
    void aRefusedTokenFailsTheActivation() {
        ReferenceAgent agent = new ReferenceAgent(vertx, AgentSettings.builder(manager.uri(), "wrong-token",
                pki.caSha256()).hostName("no-token").listen(false).build());
        agents.add(agent);

        assertThatThrownBy(() -> agent.start().toCompletableFuture().get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ActivationException.class).hasMessageContaining("HTTP 401");
        assertThat(agent.state()).isEqualTo(AgentState.FAILED);
    }

    @Test
    void updateConfigurationIsAppliedAndConfirmedAtOnceOverTheSameConnection() throws Exception {
        ReferenceAgent agent = started(settings("update-01").listen(false).build());
        await().atMost(WAIT).until(() -> agent.acceptedHeartbeats() >= 1);
        AgentConfiguration wanted = new AgentConfiguration(300, "Bidirectional", 120L, List.of("10.0.0.0/8"));
        manager.queueUpdate(17, wanted, "sha256:" + "0".repeat(64));

        agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> confirming(agent, 17) != null);
        FakeManager.Received confirmation = confirming(agent, 17);
        List<FakeManager.Received> beats = manager.heartbeatsOf(agent.computerID());
        FakeManager.Received carrier = beats.get(beats.indexOf(confirmation) - 1);
        assertThat(confirmation.body().path("operationResults").get(0).path("status").asText()).isEqualTo("applied");
        assertThat(confirmation.body().path("configFingerprint").asText()).isEqualTo(ConfigFingerprint.of(wanted))
                .isNotEqualTo("sha256:" + "0".repeat(64));
        assertThat(confirmation.connection()).isEqualTo(carrier.connection());
        assertThat(agent.configuration()).isEqualTo(wanted);
        assertThat(agent.configFingerprint()).isEqualTo(ConfigFingerprint.of(wanted));
    }

    @Test
    void aConfigurationItCannotRunFailsWithTheReasonAndTheOldOneKeepsRunning() throws Exception {
        ReferenceAgent agent = started(settings("update-02").listen(false).build());
        String before = agent.configFingerprint();
        ObjectNode bad = Json.mapper().createObjectNode().put("operationID", 18).put("type", "UpdateConfiguration");
        bad.putObject("configuration").put("heartbeatIntervalSeconds", 0).put("communicationsDirection", "Sideways");
        manager.operations.add(bad);

        agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> confirming(agent, 18) != null);
        JsonNode result = confirming(agent, 18).body().path("operationResults").get(0);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("reason").asText()).contains("heartbeatIntervalSeconds");
        assertThat(agent.configFingerprint()).isEqualTo(before);
    }

    @Test
    void renewCertificateMakesANewKeyAndUsesTheNewCertificate() throws Exception {
        ReferenceAgent agent = started(settings("renew-01").listen(false).build());
        var oldCertificate = agent.certificate();
        manager.queueRenewal(21);

        agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> confirming(agent, 21) != null);
        FakeManager.Received confirmation = confirming(agent, 21);
        assertThat(confirmation.body().path("operationResults").get(0).path("status").asText()).isEqualTo("applied");
        var renewed = manager.renewed.get(agent.computerID());
        assertThat(confirmation.serial()).isEqualTo(renewed.getSerialNumber());
        assertThat(agent.certificate()).isEqualTo(renewed);
        assertThat(renewed.getPublicKey()).isNotEqualTo(oldCertificate.getPublicKey());
    }

    @Test
    void aWindowsAgentReportsAClockJumpOverItsThresholdAsEvent5004() throws Exception {
        ReferenceAgent agent = started(settings("win-01").platform("Windows").listen(false).build());
        manager.queueUpdate(30, new AgentConfiguration(600, "Bidirectional", 60L, List.of("any")), "sha256:x");
        agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> confirming(agent, 30) != null);

        agent.jumpClock(Duration.ofMinutes(30));
        agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS);

        List<FakeManager.Received> beats = manager.heartbeatsOf(agent.computerID());
        JsonNode last = beats.getLast().body();
        JsonNode event = last.path("events").get(0);
        assertThat(event.path("eventID").asInt()).isEqualTo(5004);
        assertThat(event.path("data").path("changeSeconds").asLong()).isEqualTo(1800);
        assertThat(Instant.parse(event.path("time").asText()))
                .isAfter(Instant.parse(event.path("data").path("previousTime").asText()).plusSeconds(1799));
        assertThat(Instant.parse(last.path("agentTime").asText())).isAfter(Instant.now().plusSeconds(1700));
    }

    @Test
    void aRevokedCertificateStopsTheAgent() throws Exception {
        ReferenceAgent agent = started(settings("revoked-01").listen(false).build());
        // the agent beats once right after activation; revoke only after that beat, or it would be the one refused
        await().atMost(WAIT).until(() -> agent.acceptedHeartbeats() == 1);
        manager.revoked.add(agent.computerID());

        assertThat(agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(403);
        await().atMost(WAIT).until(() -> agent.state() == AgentState.REVOKED);
    }

    @Test
    void aPickedPortTakenBeforeTheAgentListensIsReplacedAndTheNewOneReported() throws Exception {
        // the port an agent picks before activation may be taken by another process before it listens (it needs the
        // certificate the activation answers first): here the manager takes it while answering
        List<ServerSocket> taken = new CopyOnWriteArrayList<>();
        manager.beforeActivationAnswer = body -> {
            try {
                taken.add(new ServerSocket(body.path("listeningPort").asInt(), 1,
                        InetAddress.getByName("127.0.0.1")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        try {
            ReferenceAgent agent = started(settings("port-taken-01").build());
            int reported = manager.activations.getLast().path("listeningPort").asInt();
            assertThat(taken).singleElement().satisfies(socket -> assertThat(socket.getLocalPort()).isEqualTo(reported));

            await().atMost(WAIT).until(agent::listening);
            assertThat(agent.listeningPort()).isPositive().isNotEqualTo(reported);
            JsonNode beat = json(call(pki.manager(), agent, ListeningPort.HEARTBEAT_REQUEST, "{}"));
            assertThat(beat.path("configFingerprint").asText()).isEqualTo(agent.configFingerprint());
            // the next heartbeat tells the manager where the agent listens now
            long before = manager.heartbeatsOf(agent.computerID()).size();
            assertThat(agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(manager.heartbeatsOf(agent.computerID()).get((int) before).body().path("listeningPort").asInt())
                    .isEqualTo(agent.listeningPort());
        } finally {
            manager.beforeActivationAnswer = body -> { };
            for (ServerSocket socket : taken) {
                socket.close();
            }
        }
    }

    @Test
    void theListeningPortAnswersOnlyManagerCertificates() throws Exception {
        ReferenceAgent agent = started(settings("listen-01").build());
        await().atMost(WAIT).until(agent::listening);

        JsonNode beat = json(call(pki.manager(), agent, ListeningPort.HEARTBEAT_REQUEST, "{}"));
        assertThat(beat.path("configFingerprint").asText()).isEqualTo(agent.configFingerprint());
        // the agent counts an answer once it is written, which may be just after the client has read it
        await().atMost(WAIT).until(() -> agent.answeredHeartbeatRequests() == 1);

        TestPki.Identity anotherAgent = pki.issue(KeyMaterial.newKeyPair(), "urn:vigil:computer:5", Duration.ofDays(1));
        TestPki foreign = TestPki.create("Foreign CA");
        assertThatThrownBy(() -> call(anotherAgent, agent, ListeningPort.HEARTBEAT_REQUEST, "{}"))
                .isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> call(null, agent, ListeningPort.HEARTBEAT_REQUEST, "{}"))
                .isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> call(foreign.manager(), agent, ListeningPort.HEARTBEAT_REQUEST,
                "{}")).isInstanceOf(ExecutionException.class);
        assertThat(agent.answeredHeartbeatRequests()).isEqualTo(1);
    }

    @Test
    void aPushedConfigurationIsAppliedAndItsAllowedSourcesAreHonoured() throws Exception {
        ReferenceAgent agent = started(settings("listen-02").build());
        await().atMost(WAIT).until(agent::listening);
        TestPki.Identity client = pki.manager();

        JsonNode refused = json(call(client, agent, ListeningPort.CONFIGURATION,
                push(new AgentConfiguration(600, "Bidirectional", null, List.of("not-an-address")))));
        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("reason").asText()).contains("not-an-address");

        AgentConfiguration loopbackOnly = new AgentConfiguration(600, "Bidirectional", null, List.of("127.0.0.1/32"));
        assertThat(json(call(client, agent, ListeningPort.CONFIGURATION, push(loopbackOnly)))
                .path("status").asText()).isEqualTo("applied");
        assertThat(agent.configFingerprint()).isEqualTo(ConfigFingerprint.of(loopbackOnly));
        assertThat(call(client, agent, ListeningPort.HEARTBEAT_REQUEST, "{}")).contains("configFingerprint");

        AgentConfiguration elsewhere = new AgentConfiguration(600, "Bidirectional", null,
                List.of("10.0.0.0/8", "2001:db8::/32", "aa:bb:cc:dd:ee:ff"));
        assertThat(json(call(client, agent, ListeningPort.CONFIGURATION, push(elsewhere)))
                .path("status").asText()).isEqualTo("applied");
        assertThatThrownBy(() -> call(client, agent, ListeningPort.HEARTBEAT_REQUEST, "{}"))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void underAgentInitiatedCommunicationTheAgentDoesNotListen() throws Exception {
        ReferenceAgent agent = started(settings("listen-03").build());
        await().atMost(WAIT).until(agent::listening);
        manager.queueUpdate(40, new AgentConfiguration(600, "Agent/Appliance Initiated", null, List.of("any")), "x");

        agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS);

        await().atMost(WAIT).until(() -> confirming(agent, 40) != null && !agent.listening());
        assertThatThrownBy(() -> call(pki.manager(), agent, ListeningPort.HEARTBEAT_REQUEST, "{}"))
                .isInstanceOf(ExecutionException.class);
    }

    @Test
    void pausedAgentsSendNothingUntilResumed() throws Exception {
        ReferenceAgent agent = started(settings("pause-01").build());
        await().atMost(WAIT).until(() -> agent.acceptedHeartbeats() >= 1 && agent.listening());

        agent.pauseHeartbeats();
        await().atMost(WAIT).until(() -> agent.state() == AgentState.PAUSED && !agent.listening());
        long accepted = agent.acceptedHeartbeats();
        assertThatThrownBy(() -> agent.heartbeatNow().toCompletableFuture().get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);

        agent.resumeHeartbeats();
        await().atMost(WAIT).until(() -> agent.acceptedHeartbeats() > accepted && agent.listening());
    }

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String push(AgentConfiguration configuration) {
        ObjectNode body = Json.mapper().createObjectNode().put("configFingerprint", ConfigFingerprint.of(configuration));
        body.set("configuration", ConfigFingerprint.document(configuration));
        return body.toString();
    }

    private static String call(TestPki.Identity identity, ReferenceAgent agent, String path, String body)
            throws Exception {
        HttpClient client = manager.client(identity);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(agent.listeningPort()).setURI(path).putHeader("content-type", "application/json");
        try {
            return client.request(request).compose(r -> r.send(Buffer.buffer(body)))
                    .compose(response -> response.statusCode() == 200 ? response.body()
                            : io.vertx.core.Future.failedFuture("HTTP " + response.statusCode()))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).toString();
        } finally {
            client.close();
        }
    }

    /** The heartbeat that reported the result of an operation, or null. */
    private static FakeManager.Received confirming(ReferenceAgent agent, long operationID) {
        return manager.heartbeatsOf(agent.computerID()).stream()
                .filter(h -> h.body().path("operationResults").findValues("operationID").stream()
                        .anyMatch(id -> id.asLong() == operationID))
                .findFirst().orElse(null);
    }
}
