package io.vigil.gateway.guard;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.contact.ContactFailed;
import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.gateway.support.ListeningAgent;
import io.vigil.gateway.support.Topics;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.Sockets;
import io.vigil.gateway.support.TestAgent;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent port under hostile clients: a per-computer heartbeat budget, and 1,000 slow or idle connections (TCP that
 * never handshakes, TLS that sends half a request head and goes quiet) that neither exhaust the heap nor keep a real
 * agent from being served; connections beyond the cap wait unread for a place, beyond its waiting places they are
 * closed at once, the idle ones after the timeouts. And the production default of the agent networks: an agent
 * address on loopback is never called.
 */
@QuarkusTest
@TestProfile(HostileClientsProfile.class)
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class HostileClientsTest {

    @Inject
    MeterRegistry meters;

    @Inject
    AgentPortLimits limits;

    @Inject
    ComputerDirectory directory;

    private static final Logger LOG = Logger.getLogger(HostileClientsTest.class);
    private static final String DEFAULT_FP = ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX;
    private static final byte[] HALF_A_HEAD = "POST /agent/v1/heartbeat HTTP/1.1\r\nHost: localhost\r\nContent-"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aComputerBeyondItsHeartbeatBudgetGets429WithRetryAfterAndOthersAreNotAffected() {
        TestAgent noisy = new TestAgent(GatewayTestResources.agentPort());
        noisy.activate("good-noisy", "noisy-01");
        TestAgent quiet = new TestAgent(GatewayTestResources.agentPort());
        quiet.activate("good-quiet", "quiet-01");
        for (int i = 0; i < 3; i++) {
            assertThat(noisy.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = noisy.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestAgent.read(refused.body()).get("type").asText()).endsWith("/too-many-heartbeats");
        // 3 per 600 s interval: the next one is due in 200 s
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(150L, 200L);
        assertThat(quiet.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
    }

    @Test
    void aComputerWithAOneSecondIntervalGetsItsBudgetPerIntervalCountedOverTheMinimumWindow() {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        long id = agent.activate("good-fast", "fast-01").get("computerID").asLong();
        AgentConfiguration everySecond = new AgentConfiguration(1, "Agent/Appliance Initiated", null, List.of("any"));
        Topics.publish(io.vigil.events.Topics.COMPUTER_CONFIG, id, EventTypes.COMPUTER_CONFIGURATION,
                new ComputerConfiguration(id, 1, Map.of(), everySecond, ConfigFingerprint.of(everySecond), 1, 2, null,
                        false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.expected(id).intervalSeconds() == 1);
        String fingerprint = ConfigFingerprint.of(everySecond);

        // 3 per 1-second interval, counted over the 10-s minimum window: 30 at once are admitted (with a 1-second
        // interval an agent keeping to it sends 10 in that window), then the flood is refused
        List<Integer> statuses = new ArrayList<>();
        while (statuses.size() < 300 && !statuses.contains(429)) {
            statuses.add(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(fingerprint)).statusCode());
        }
        assertThat(statuses).as("a flood faster than 3 per second is refused").contains(429);
        assertThat(statuses.indexOf(429)).as("heartbeats admitted before the first refusal").isGreaterThanOrEqualTo(30);
        assertThat(statuses.subList(0, statuses.indexOf(429))).containsOnly(200);
    }

    @Test
    void aThousandSlowOrIdleConnectionsNeitherExhaustTheHeapNorStopARealAgent() throws Exception {
        int port = GatewayTestResources.agentPort();
        TestAgent agent = new TestAgent(port);
        agent.activate("good-flood", "flood-01");
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
        long before = heapAfterGc();

        List<Socket> flood = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // TCP, never a TLS handshake: 20 from each of 30 addresses (the cap of each)
            flood.add(Sockets.plainFrom(InetAddress.getByName("127.0.5." + (1 + i % 30)), port));
        }
        List<Socket> slow = openSlowTls(port, 400, 1); // 16 from each of 25 addresses: under the per-address cap
        flood.addAll(slow);
        assertThat(slow).as("TLS connections that finished their handshake").hasSizeGreaterThan(390);

        long during = heapAfterGc();
        long started = System.nanoTime();
        HttpResponse<String> served = agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP));
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(latency).isLessThan(Duration.ofSeconds(10));
        long growth = during - before;
        LOG.infof("1,000 hostile connections (600 TCP, %d TLS half-heads): heap %d MiB -> %d MiB (+%d MiB, test "
                        + "clients included); a real agent's heartbeat took %d ms", slow.size(), before >> 20,
                during >> 20, growth >> 20, latency.toMillis());
        assertThat(growth).as("heap growth with 1,000 open hostile connections (server and test clients)")
                .isLessThan(64L << 20);

        // beyond the cap of 450 established connections (the slow ones still open + the agent's), a new one is closed
        long stillOpen = slow.stream().filter(socket -> !Sockets.closed(socket)).count();
        assertThat(stillOpen).isGreaterThan(380);
        List<Socket> beyondCap = openSlowTls(port, 100, 2);
        long overCap = stillOpen + 1 + 100 - 450;
        await().atMost(Duration.ofSeconds(60)).until(() -> beyondCap.stream().filter(Sockets::closed)
                .count() >= overCap - 5);
        Sockets.close(beyondCap);

        // half heads go at the head deadline (45 s), unhandshaken TCP after the handshake timeout (45 s)
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(() -> flood.stream().filter(Sockets::closed).count() == flood.size());
        Sockets.close(flood);
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
    }

    @Test
    void theGatewayNeverCallsAnAgentAddressOutsideTheAgentNetworks() {
        CertificateAuthority ca = new CaDirectory(TestAgent.CA_DIR).load();
        long id = 8_000_000 + ThreadLocalRandom.current().nextLong(1_000_000);
        AgentConfiguration polled = new AgentConfiguration(4, "Manager Initiated", null, List.of("any"));
        try (ListeningAgent agent = ListeningAgent.start(ca, id, "sha256:" + "0".repeat(64));
             KafkaConsumer<String, String> failures = Topics.tail(io.vigil.events.Topics.CONTACT_FAILURES)) {
            // a registration whose address is this host's loopback, as a forged or stale one could say
            Topics.publish(io.vigil.events.Topics.COMPUTERS, id, EventTypes.COMPUTER_REGISTERED,
                    new ComputerRegistration(id, "host-" + id, "Linux", "20.0.1", "20", "physical", 1, "127.0.0.1",
                            agent.port(), "running", ComputerRegistration.ACTIVATED, agent.serialHex,
                            Instant.now().plus(300, ChronoUnit.DAYS), Instant.now()));
            Topics.publish(io.vigil.events.Topics.COMPUTER_CONFIG, id, EventTypes.COMPUTER_CONFIGURATION,
                    new ComputerConfiguration(id, 1, Map.of(), polled, ConfigFingerprint.of(polled), 4, 2, null,
                            false, Instant.now()));
            List<ContactFailed> seen = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Topics.poll(failures).stream().filter(r -> r.key().equals(Long.toString(id)))
                        .map(r -> EventJson.readEvent(r.value(), ContactFailed.class).data()).forEach(seen::add);
                return !seen.isEmpty();
            });
            assertThat(seen).allSatisfy(failure -> {
                assertThat(failure.operation()).isEqualTo("heartbeat-request");
                assertThat(failure.reason()).isEqualTo("address-not-allowed");
                assertThat(failure.detail()).contains("127.0.0.1 is a loopback address");
            });
            assertThat(agent.callers).as("no TLS connection reached the agent").isEmpty();
            assertThat(agent.heartbeatRequests).hasValue(0);
        }
    }

    @Test
    void anAddressMayHoldOnlyAFewConnectionsWithoutAClientCertificateAndAFewMoreWaitUnread() throws Exception {
        int port = GatewayTestResources.agentPort();
        InetAddress from = InetAddress.getByName("127.0.3.1");
        long waitedBefore = (long) meters.counter("vigil.gateway.guard.waited").count();

        // plain TCP, counted from accept: 20 hold the address's places, one waits for a place
        List<Socket> plain = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            plain.add(Sockets.plainFrom(from, port));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> holding(from) == 20 && waiting() == 1);

        // a real TLS client from the same address waits too: its ClientHello is not read while every place is taken
        SSLSocket tls = Sockets.tlsFrom(new TestAgent(port).sslContext(), from, port);
        CompletableFuture<String> handshake = Sockets.handshake(tls);
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting() == 2);
        assertThat(handshake).as("not served while it waits").isNotDone();

        // places free: the waiting connections get them in turn, and the TLS client's handshake is served
        Sockets.close(plain);
        assertThat(handshake.get(20, TimeUnit.SECONDS)).startsWith("TLSv1");
        assertThat(meters.counter("vigil.gateway.guard.waited").count()).isGreaterThan(waitedBefore);
        tls.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> holding(from) == 0 && waiting() == 0);

        // 20 holding, 5 waiting (the waiting places), 5 more closed at once; the waiting ones after the wait (5 s)
        List<Socket> fromOne = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            fromOne.add(Sockets.plainFrom(from, port));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> holding(from) == 20 && waiting() == 5);
        List<Socket> beyond = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            beyond.add(Sockets.plainFrom(from, port));
        }
        await().atMost(Duration.ofSeconds(4)).until(() -> beyond.stream().allMatch(Sockets::closed));
        await().atMost(Duration.ofSeconds(15)).until(() -> fromOne.stream().filter(Sockets::closed)
                .count() == 5 && waiting() == 0);
        // another address, and an agent with its certificate, are served meanwhile
        assertThat(openSlowTls(port, 5, 4)).hasSize(5)
                .allSatisfy(socket -> assertThat(Sockets.closed(socket)).isFalse());
        TestAgent agent = new TestAgent(port);
        agent.activate("good-cap", "cap-01");
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
        assertThat(fromOne.stream().filter(Sockets::closed).count())
                .as("the 20 holding a place stay open until the handshake timeout").isEqualTo(5);
        Sockets.close(fromOne);
    }

    private double waiting() {
        return meters.get("vigil.gateway.guard.waiting.connections").gauge().value();
    }

    private int holding(InetAddress address) {
        return limits.unauthenticated().count(address);
    }

    /**
     * TLS connections without a client certificate that send half a request head, then nothing; from the addresses
     * 127.0.{@code net}.1 to .25 in turn.
     */
    private static List<Socket> openSlowTls(int port, int count, int net) throws Exception {
        SSLSocketFactory factory = new TestAgent(port).sslContext().getSocketFactory();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Optional<Socket>>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                opening.add(pool.submit(() -> {
                    try {
                        SSLSocket socket = (SSLSocket) factory.createSocket("localhost", port,
                                InetAddress.getByName("127.0." + net + "." + (1 + index % 25)), 0);
                        socket.setSoTimeout(60_000);
                        socket.startHandshake();
                        OutputStream out = socket.getOutputStream();
                        out.write(HALF_A_HEAD);
                        out.flush();
                        return Optional.<Socket>of(socket);
                    } catch (IOException e) {
                        return Optional.<Socket>empty();
                    }
                }));
            }
            List<Socket> open = new ArrayList<>();
            for (Future<Optional<Socket>> socket : opening) {
                socket.get().ifPresent(open::add);
            }
            return open;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
