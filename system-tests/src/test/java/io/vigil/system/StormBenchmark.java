package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vigil.agent.AgentSettings;
import io.vigil.agent.Fleet;
import io.vigil.testkit.TestJvm;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconnect storm at the size a site outgrows one machine with: {@code storm.agents} (default 20,000) reference
 * agents behind two gateway replicas, both restarted at once (SIGTERM, start, ready), as a cluster-wide upgrade does.
 * Two replicas and two agent processes because one process may hold at most 20,000 file descriptors here: half the
 * fleet runs in this JVM against the platform's gateway, the other half in an {@code agent-simulator} process against
 * a second replica. What counts is what the platform recorded (a {@link HeartbeatWatch} on {@code vigil.heartbeats}),
 * whichever process ran the agent.
 *
 * <p>The heartbeat interval is {@code storm.interval-seconds} (default 30: 667 heartbeats/s from 20,000 agents, what
 * this machine carries beside the storm). An agent learns of the restart when its next heartbeat finds its connection
 * closed or the port refused, so the fleet comes back within one interval and the retry delay; an offline alert
 * would need three intervals of silence (threshold 2). Reported: activation time, time from both gateways ready to
 * every agent recorded again, full handshakes per gateway CPU-second over that time (start-up and heartbeats
 * included: a lower bound), and the offline alerts raised for any agent of the fleet, all of which kept beating.
 */
class StormBenchmark {

    static {
        System.setProperty(Platform.TRACING_PROPERTY, "false");
        System.setProperty(TestJvm.FULL_JIT_PROPERTY, "true");
        // 10,000 agent connections per replica, beside its own: the default cap is 10,000
        System.setProperty(Platform.ENV_PROPERTY_PREFIX + "heartbeat-gateway.VIGIL_GATEWAY_MAX_CONNECTIONS", "15000");
        System.setProperty(Platform.JVM_PROPERTY_PREFIX + "heartbeat-gateway", "-Xmx1536m");
    }

    private static final int AGENTS = Integer.getInteger("storm.agents", 20_000);
    private static final int INTERVAL_SECONDS = Integer.getInteger("storm.interval-seconds", 30);
    private static final double ACTIVATION_RATE = Double.parseDouble(System.getProperty("storm.activation-rate",
            "200"));
    private static final Duration ACTIVATION_LIMIT = Duration.ofMinutes(Long.getLong("storm.activation-minutes", 40));

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);
    private final PlatformProbe probe = new PlatformProbe(platform);
    private final Map<String, Object> run = new LinkedHashMap<>();

    @Test
    @Timeout(value = 90, unit = TimeUnit.MINUTES) // activating 20,000 agents alone takes about 10 minutes here
    void everyAgentComesBackAfterBothGatewaysRestart() throws Exception {
        run.put("run", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
        run.put(CapacityReport.FLEET, AGENTS);
        run.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        run.put("heartbeat interval (s)", INTERVAL_SECONDS);
        run.put("gateway replicas", 2);
        long policyID = console.createPolicy("storm-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", INTERVAL_SECONDS + " Seconds",
                "platformSettingHeartbeatMissedAlertThreshold", "2",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        JsonPath token = console.registry().body(Map.of("policyID", policyID, "expiresInSeconds", 7200,
                "maxUses", AGENTS)).post("/api/activationtokens").then().statusCode(201).extract().jsonPath();
        GatewayReplica second = GatewayReplica.of(platform, "storm-gateway-b");
        second.process().start().awaitReady();
        Vertx vertx = Vertx.vertx();
        Fleet fleet = new Fleet(vertx);
        Process simulator = null;
        try (HeartbeatWatch watch = new HeartbeatWatch(platform.infrastructure.bootstrapServers())) {
            long start = System.nanoTime();
            int inProcess = AGENTS / 2;
            simulator = simulator(second.url().toString(), token, AGENTS - inProcess);
            startFleet(fleet, token, inProcess);
            Set<String> beating = activated(watch, fleet, start);
            storm(watch, beating, second);
            alerts(beating);
        } finally {
            CapacityReport.storm(platform.root.resolve("docs/capacity")).add(run);
            if (simulator != null) {
                simulator.destroy();
                simulator.waitFor(60, TimeUnit.SECONDS);
            }
            fleet.stop(Duration.ofSeconds(60));
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            second.process().stop();
            System.out.println(CapacityReport.table(List.of(run)));
        }
    }

    /** The other half of the fleet: the reference agent's CLI, one process, against the second replica. */
    private Process simulator(String gatewayUrl, JsonPath token, int count) throws IOException {
        Path jar = platform.root.resolve("agent-simulator/target/agent-simulator.jar");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx3g", "-jar", jar.toString(), "--gateway", gatewayUrl, "--token", token.getString("token"),
                "--ca-sha256", token.getString("managerCaSha256"), "--count", Integer.toString(count),
                "--activation-rate", Double.toString(ACTIVATION_RATE / 2), "--shared-key", "--no-listen",
                "--host-prefix", "storm-b-", "--stats", "30");
        Path log = platform.logs.resolve("storm-simulator-" + System.currentTimeMillis() + ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void startFleet(Fleet fleet, JsonPath token, int count) {
        List<AgentSettings> settings = BenchmarkFleet.settings(URI.create(platform.gatewayUrl()), token, "storm-a-",
                count);
        Thread.ofPlatform().name("storm-fleet-start").start(() -> {
            try {
                fleet.start(settings, ACTIVATION_RATE / 2, change -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Every agent activated (its first heartbeat, sent right after the activation, is recorded), then the computers
     * beating before the storm: each recorded again within two intervals. Any that is not (reported) is left out of
     * what the storm measures.
     */
    private Set<String> activated(HeartbeatWatch watch, Fleet fleet, long start) {
        try {
            await("every agent activated and recorded").atMost(ACTIVATION_LIMIT).pollInterval(Duration.ofSeconds(5))
                    .until(() -> watch.computers() >= AGENTS);
        } finally {
            double seconds = (System.nanoTime() - start) / 1e9;
            run.put("activation: agents recorded", watch.computers());
            run.put("activation: all recorded after (s)", seconds);
            run.put("activations/s", watch.computers() / seconds);
        }
        long steady = System.currentTimeMillis();
        try {
            await("every agent beating").atMost(Duration.ofSeconds(INTERVAL_SECONDS * 2L + 10))
                    .pollInterval(Duration.ofSeconds(2)).until(() -> watch.computersSince(steady).size() >= AGENTS);
        } catch (ConditionTimeoutException e) {
            run.put("agents of this JVM by state when not all beat", fleet.states().toString());
        }
        Set<String> beating = watch.computersSince(steady);
        run.put("agents beating before the storm", beating.size());
        return beating;
    }

    private void storm(HeartbeatWatch watch, Set<String> beating, GatewayReplica second) {
        ServiceProcess first = platform.service("heartbeat-gateway");
        long stopping = System.currentTimeMillis();
        List.of(first, second.process()).parallelStream().forEach(ServiceProcess::stop);
        double stopSeconds = (System.currentTimeMillis() - stopping) / 1e3;
        first.start();
        second.process().start();
        Map<String, Double> cpuBefore = ProcessCpu.snapshot(probe.postgresPort());
        long started = System.nanoTime();
        first.awaitReady();
        second.process().awaitReady();
        long ready = System.nanoTime();
        try {
            await("every beating agent recorded again").atMost(Duration.ofSeconds(INTERVAL_SECONDS * 10L))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> watch.computersSince(stopping).containsAll(beating));
        } finally {
            long back = System.nanoTime();
            Map<String, Double> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot(probe.postgresPort()));
            long returned = beating.stream().filter(watch.computersSince(stopping)::contains).count();
            run.put("storm: gateways stopped in (s)", stopSeconds);
            run.put("storm: start to both ready (s)", (ready - started) / 1e9);
            run.put("storm: agents recorded again", returned);
            run.put("storm: ready to every agent recorded again (s)", (back - ready) / 1e9);
            run.put("storm: gateway CPU, start to last agent back (s, both replicas)",
                    cpu.get("heartbeat-gateway") / 1000);
            run.put("storm: full handshakes per gateway CPU-second (start-up and heartbeats included)",
                    returned / (cpu.get("heartbeat-gateway") / 1000));
            run.put("storm: resumed sessions", "0 % (a new process holds none of the old sessions)");
        }
    }

    /**
     * Offline alerts for the fleet, which kept beating (the storm's own ones included), once any platform-outage the
     * storm raised has cleared, every deadline of the storm has passed and alert-service has read everything.
     */
    private void alerts(Set<String> beating) {
        await("no platform-outage open after the storm").atMost(Duration.ofSeconds(600))
                .pollInterval(Duration.ofSeconds(2)).until(() -> !probe.platformOutageOpen());
        try (ConsumerLag lag = new ConsumerLag(platform.infrastructure.bootstrapServers())) {
            await("alert-service caught up after the storm").pollDelay(Duration.ofSeconds(INTERVAL_SECONDS * 4L))
                    .atMost(Duration.ofSeconds(INTERVAL_SECONDS * 4L + 120)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> lag.now().getOrDefault("vigil-alert-service", 0L) == 0);
        }
        run.put("platform-outages raised (all phases)", probe.counter("alert-service", "vigil_alerts_raised_total",
                "alertType=\"platform-outage\""));
        long alerted = probe.offlineAlerts().stream().map(a -> Long.toString(a.computerID())).distinct()
                .filter(beating::contains).count();
        run.put("false offline alerts (all phases, agents that kept beating)", alerted);
        assertThat(alerted).as("offline alerts for agents that kept beating").isZero();
    }
}
