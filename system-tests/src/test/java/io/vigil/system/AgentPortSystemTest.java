package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.agent.AgentSettings;
import io.vigil.agent.ReferenceAgent;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.contact.ContactFailed;
import io.vigil.testkit.FreePorts;
import io.vigil.testkit.PlainHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent port's controls against hostile clients, across the real processes (the gateway started from its packaged
 * application with its production defaults: 10 s handshake and request-head deadlines, 5 heartbeats per interval,
 * agent networks 127.0.0.0/8): a flood of idle and slowloris connections is cut while a real reference agent keeps
 * being served, a heartbeat burst gets 429 with Retry-After, an agent address outside the agent networks is
 * never called, and a gateway started while Kafka is silent answers 503 until it has read the computers' state.
 */
class AgentPortSystemTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AgentPortSystemTest.class);
    private static final int IDLE_TCP = 150;
    private static final int SLOWLORIS = 150;
    /** Connections per source address: under the 32 connections without a certificate one address may hold. */
    private static final int PER_ADDRESS = 25;
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);
    private final List<ReferenceAgent> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws Exception {
        for (ReferenceAgent agent : agents) {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFloodOfIdleAndSlowlorisConnectionsIsCutWhileARealAgentKeepsBeingServed() throws Exception {
        ReferenceAgent agent = started(console.activateAgent(policy("Agent/Appliance Initiated"), "flood-01"));
        long heapBefore = gatewayHeap();
        SSLContext stranger = HandAgent.stranger(platform);
        Duration limit = DEADLINE.multipliedBy(4);
        try (SlowClients hostile = new SlowClients()) {
            List<CompletableFuture<SlowClients.Cut>> idle = new ArrayList<>();
            List<CompletableFuture<SlowClients.Cut>> slow = new ArrayList<>();
            for (int i = 0; i < IDLE_TCP; i++) {
                idle.add(hostile.idleTcp(source(70, i), platform.gatewayPort, limit));
            }
            for (int i = 0; i < SLOWLORIS; i++) {
                slow.add(hostile.slowloris(stranger, source(80, i), platform.gatewayPort, Duration.ofMillis(500),
                        limit));
            }
            await("slowloris connections trickling").atMost(Duration.ofSeconds(30))
                    .until(() -> hostile.trickling() >= SLOWLORIS / 3);
            int trickling = hostile.trickling();
            long accepted = agent.acceptedHeartbeats();
            long started = System.nanoTime();
            int status = agent.heartbeatNow().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            long heapDuring = gatewayHeap();
            assertThat(status).as("a real agent's heartbeat during the flood").isEqualTo(200);

            List<SlowClients.Cut> idleCuts = idle.stream().map(CompletableFuture::join).toList();
            List<SlowClients.Cut> slowCuts = slow.stream().map(CompletableFuture::join)
                    .filter(cut -> cut == null || cut.opened()).toList();
            assertThat(slowCuts).as("slowloris connections that got through their handshake")
                    .hasSizeGreaterThanOrEqualTo(SLOWLORIS * 9 / 10);
            assertThat(idleCuts).as("TCP connections that never start TLS are cut at the handshake deadline")
                    .doesNotContainNull()
                    .allSatisfy(cut -> assertThat(cut.after()).isLessThan(DEADLINE.multipliedBy(3)));
            assertThat(slowCuts).as("TLS connections trickling a request head are cut at the head deadline")
                    .doesNotContainNull().allSatisfy(cut -> {
                        assertThat(cut.after()).isGreaterThanOrEqualTo(DEADLINE.minusSeconds(1))
                                .isLessThan(DEADLINE.multipliedBy(3));
                        assertThat(cut.bytesSent()).as("bytes kept coming until the cut").isGreaterThan(10);
                    });
            await("the agent kept beating through the flood").atMost(Duration.ofSeconds(20))
                    .until(() -> agent.acceptedHeartbeats() >= accepted + 3);
            assertThat(agent.lastStatus()).isEqualTo(200);
            LOG.warn("{} slowloris connections were trickling when the agent's heartbeat was sent", trickling);
            LOG.warn("{} idle TCP + {} slowloris TLS connections from {} addresses: all cut (idle after {} s at most, "
                            + "{} slowloris after {}-{} s and up to {} bytes); the real agent's heartbeat took {} ms; "
                            + "gateway heap {} MiB -> {} MiB", IDLE_TCP, SLOWLORIS, (IDLE_TCP + SLOWLORIS) / PER_ADDRESS,
                    idleCuts.stream().mapToLong(c -> c.after().toSeconds()).max().orElse(0), slowCuts.size(),
                    slowCuts.stream().mapToLong(c -> c.after().toSeconds()).min().orElse(0),
                    slowCuts.stream().mapToLong(c -> c.after().toSeconds()).max().orElse(0),
                    slowCuts.stream().mapToInt(SlowClients.Cut::bytesSent).max().orElse(0), latency.toMillis(),
                    heapBefore >> 20, heapDuring >> 20);
        }
    }

    @Test
    void aHeartbeatBurstGets429WithRetryAfterAndOtherComputersAreServed() throws Exception {
        long policyID = policy("Agent/Appliance Initiated");
        HandAgent noisy = new HandAgent(platform).activate(token(policyID), "burst-01");
        ReferenceAgent quiet = started(console.activateAgent(policyID, "burst-02"));
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> answer = noisy.heartbeat();
            statuses.add(answer.statusCode());
            refused = answer.statusCode() == 429 ? answer : null;
        }
        // 5 per 3-second interval counted over 12 s: 20 back to back and what refilled meanwhile (5 while the gateway
        // does not know the policy yet and counts the defaults' 10-minute interval), then 429
        assertThat(statuses).as("the budget, then 429").endsWith(429);
        assertThat(statuses.indexOf(429)).as("heartbeats admitted first").isBetween(5, 30);
        assertThat(statuses.subList(0, statuses.indexOf(429))).containsOnly(200);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(EventJson.mapper().readTree(refused.body()).get("type").asText()).endsWith("/too-many-heartbeats");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("the wait for the next token").isBetween(1L, 120L);
        int quietStatus = quiet.heartbeatNow().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(quietStatus).as("another computer").isEqualTo(200);
        await("the budget refills").atMost(Duration.ofSeconds(retryAfter + 20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> noisy.heartbeat().statusCode() == 200);
    }

    @Test
    void anAgentAddressOutsideTheAgentNetworksIsNeverCalled() throws Exception {
        long policyID = policy("Manager Initiated");
        JsonPath token = console.createToken(policyID, 1).extract().jsonPath();
        ReferenceAgent agent = started(new ReferenceAgent(AgentSettings.builder(URI.create(platform.gatewayUrl()),
                        token.getString("token"), token.getString("managerCaSha256")).hostName("metadata-01")
                .agentAddress("169.254.169.254").listen(false).build()));
        long id = agent.computerID();
        List<ContactFailed> failures = new ArrayList<>();
        await("a poll of 169.254.169.254 refused").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    failures.clear();
                    TopicRecords.forComputer(platform.infrastructure.bootstrapServers(), Topics.CONTACT_FAILURES, id)
                            .forEach(r -> failures.add(EventJson.readEvent(r.value(), ContactFailed.class).data()));
                    return !failures.isEmpty();
                });
        assertThat(failures).allSatisfy(failure -> {
            assertThat(failure.operation()).isEqualTo("heartbeat-request");
            assertThat(failure.reason()).isEqualTo("address-not-allowed");
            assertThat(failure.detail()).contains("169.254.169.254");
        });
    }

    @Test
    void aGatewayStartedWhileKafkaIsSilentAnswers503UntilItHasReadTheComputersThenServesThem() throws Exception {
        HandAgent agent = new HandAgent(platform).activate(token(policy("Agent/Appliance Initiated")), "start-01");
        int https = FreePorts.next();
        int management = FreePorts.next();
        Map<String, String> env = platform.environmentOf("heartbeat-gateway");
        env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(https));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        ServiceProcess starting = new ServiceProcess("heartbeat-gateway-starting", platform.appJar("heartbeat-gateway"),
                List.of(), env, URI.create(platform.url(management) + "/q/health/ready"),
                platform.logs.resolve("heartbeat-gateway-starting.log"));
        agent.via("https://127.0.0.1:" + https);
        List<HttpResponse<String>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            // the broker answers nothing while the new gateway starts: it cannot read the computers' state
            platform.infrastructure.signalKafka("STOP");
            starting.start();
            await("503 from the starting gateway").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200)).until(() -> heartbeat(agent, answers) == 503);
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(heartbeat(agent, answers)).as("still 503 while the state cannot be read").isEqualTo(503);
            platform.infrastructure.signalKafka("CONT");
            await("the gateway has read the state and serves the computer").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200)).until(() -> heartbeat(agent, answers) == 200);
        } finally {
            platform.infrastructure.signalKafka("CONT");
            starting.signalStop();
            starting.stop();
        }
        List<HttpResponse<String>> before = answers.subList(0, answers.size() - 1);
        LOG.warn("a gateway started while Kafka was silent answered {} heartbeats with 503 before the first 200",
                before.size());
        assertThat(before).as("before its first 200: only 503 + Retry-After, never a refusal of a known computer")
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(answer -> {
                    assertThat(answer.statusCode()).isEqualTo(503);
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                });
        assertThat(before.getFirst().body()).contains("gateway-starting");
    }

    /** One heartbeat's status, the answer kept; 0 while the gateway does not listen yet. */
    private static int heartbeat(HandAgent agent, List<HttpResponse<String>> answers) throws InterruptedException {
        try {
            HttpResponse<String> answer = agent.heartbeat();
            answers.add(answer);
            return answer.statusCode();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private ReferenceAgent started(ReferenceAgent agent) throws Exception {
        agents.add(agent);
        if (agent.computerID() == null) {
            agent.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        return agent;
    }

    private long policy(String direction) {
        return console.createPolicy("agent-port-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "3 Seconds",
                "platformSettingAgentCommunicationsDirection", direction));
    }

    private String token(long policyID) {
        return console.createToken(policyID, 1).extract().jsonPath().getString("token");
    }

    /** 127.{@code net}.x.1: {@link #PER_ADDRESS} connections from each address. */
    private static InetAddress source(int net, int index) throws java.net.UnknownHostException {
        return InetAddress.getByName("127." + net + "." + (1 + index / PER_ADDRESS) + ".1");
    }

    /** The gateway's heap in use, from its metrics (jvm_memory_used_bytes, area heap, every pool). */
    private long gatewayHeap() throws Exception {
        String metrics = PlainHttp.get(platform.url(platform.gatewayManagementPort) + "/q/metrics").body();
        return (long) metrics.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
