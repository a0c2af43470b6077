package io.vigil.system;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vigil.agent.AgentSettings;
import io.vigil.agent.AgentState;
import io.vigil.agent.Fleet;
import io.vigil.agent.ReferenceAgent;
import io.vigil.testkit.TestJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform under a fleet of reference agents (see docs/capacity.md): activation at a given rate from one
 * address, steady heartbeats every second, a Base Policy change pushed to every agent, then 1% falling silent; one
 * column of docs/capacity/results.md per run, and a reconnect storm (gateway restart). Not part of
 * {@code ./vigil test} (the name ends in Benchmark); docs/capacity.md gives the command and its settings.
 */
class CapacityBenchmark {

    private static final Map<String, String> CHART_HEAPS = Map.of("heartbeat-gateway", "576m",
            "agent-registry", "384m", "alert-service", "384m", "policy-service", "384m", "siem-forwarder", "384m");

    static {
        // the platform as a deployment runs it by default, without tracing (the system tests turn it on)
        System.setProperty(Platform.TRACING_PROPERTY, "false");
        System.setProperty(TestJvm.FULL_JIT_PROPERTY, "true");
        // the services' JVMs as the chart's pods run them (unless vigil.platform.jvm.<service> says otherwise): under
        // a memory limit below 1,792 MiB the JVM chooses the serial collector, and the images size the heap at 75% of
        // the limit (the chart's limits: 768 MiB for the gateway, 512 MiB for the others)
        CHART_HEAPS.forEach((service, heap) -> {
            if (System.getProperty(Platform.JVM_PROPERTY_PREFIX + service) == null) {
                System.setProperty(Platform.JVM_PROPERTY_PREFIX + service, "-XX:+UseSerialGC -Xmx" + heap);
            }
        });
    }

    /**
     * The load generator's cryptography: native (as real agents' OpenSSL) unless {@code capacity.agent-crypto=jdk}.
     * With the JDK's, a thousand agents activating at 200/s starve their own event loops on this 2-core machine (their
     * heartbeat timers fired up to 3.2 s late), and the platform then sees agents that really are late.
     */
    private static final String AGENT_CRYPTO = loadGeneratorCrypto();

    private static String loadGeneratorCrypto() {
        if ("jdk".equals(System.getProperty("capacity.agent-crypto"))) {
            return "JDK";
        }
        if (AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() != null) {
            return "JDK (native provider not loadable: " + AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError()
                    + ")";
        }
        AmazonCorrettoCryptoProvider.install();
        return "native (ACCP)";
    }

    private static final int AGENTS = Integer.getInteger("capacity.agents", 500);
    /**
     * Agents on a Vert.x of their own (one event loop), activated and beating before the fleet and through every
     * phase: while the fleet's thousand agents starve their shared event loops during activation, these few still beat
     * on time, so an offline alert for one of them whose timer fired on time is the platform's.
     */
    private static final int SENTINELS = Integer.getInteger("capacity.sentinels", 10);
    private static final double ACTIVATION_RATE = Double.parseDouble(System.getProperty("capacity.activation-rate",
            "200"));
    private static final int STEADY_SECONDS = Integer.getInteger("capacity.steady-seconds", 60);
    private static final String SERIES = System.getProperty("capacity.series", "main");
    private static final int WARM_UP_MAX_SECONDS = Integer.getInteger("capacity.warm-up-max-seconds", 360);
    private static final Duration WARM_UP_STEP = Duration.ofSeconds(15);
    private static final double SETTLED_COMPILATION_SHARE = 0.10;
    /** The parts that are JVMs of the platform (PostgreSQL is not; the load generator is not the platform). */
    private static final List<String> PLATFORM_JVMS = ProcessCpu.PARTS.subList(0, 6);

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);
    private final PlatformProbe probe = new PlatformProbe(platform);
    private final Map<String, Object> run = new LinkedHashMap<>();
    private final FleetPhases phases = new FleetPhases();
    private Fleet sentinels;

    @Test
    @Timeout(value = 90, unit = TimeUnit.MINUTES) // beyond the system tests' 10 minutes: a fleet of thousands takes longer
    void platformCapacity() throws Exception {
        run.put("run", Instant.now().truncatedTo(ChronoUnit.MINUTES) + " (" + SERIES + ")");
        run.put("series", SERIES);
        run.put(CapacityReport.FLEET, AGENTS);
        run.put("machine", Runtime.getRuntime().availableProcessors() + " cores");
        run.put("load generator cryptography", AGENT_CRYPTO);
        run.put("services' JVM options (after -Xmx512m)", ProcessCpu.PARTS.subList(0, 5).stream()
                .map(service -> service + ": " + String.join(" ", Platform.jvmOptions(service))).toList()
                .toString());
        Map<String, Long> heapBefore = probe.heaps();
        long policyID = console.createPolicy("capacity-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "1 Second",
                "platformSettingHeartbeatMissedAlertThreshold", "2",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        Vertx vertx = Vertx.vertx();
        Fleet fleet = new Fleet(vertx);
        Vertx sentinelVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
        sentinels = new Fleet(sentinelVertx);
        try {
            JsonPath token = token(policyID);
            startSentinels(token);
            activate(fleet, token);
            steady(fleet);
            heapPerComputer(heapBefore);
            policyChange(fleet);
            List<Long> silent = silence(fleet);
            if (Boolean.parseBoolean(System.getProperty("capacity.storm", "true"))) {
                new ReconnectStorm(platform, probe, run).measure(fleet, silent);
            }
        } finally {
            new CapacityReport(platform.root.resolve("docs/capacity")).add(run);
            fleet.stop(Duration.ofSeconds(30));
            sentinels.stop(Duration.ofSeconds(30));
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            sentinelVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            System.out.println(CapacityReport.table(List.of(run)));
        }
    }

    /** A token for the whole fleet; retried while agent-registry cannot reach policy-service yet (503). */
    private JsonPath token(long policyID) {
        return await("an activation token").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> console.registry().body(Map.of("policyID", policyID, "expiresInSeconds", 3600,
                        "maxUses", AGENTS + SENTINELS)).post("/api/activationtokens"), r -> r.statusCode() == 201)
                .jsonPath();
    }

    private void startSentinels(JsonPath token) throws InterruptedException {
        sentinels.start(BenchmarkFleet.settings(URI.create(platform.gatewayUrl()), token, "sentinel-", SENTINELS), 10,
                change -> { });
        await("the sentinel agents beat").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> sentinels.agents().stream().allMatch(a -> a.state() == AgentState.ACTIVE
                        && a.acceptedHeartbeats() >= 3));
    }

    private void activate(Fleet fleet, JsonPath token) throws Exception {
        List<AgentSettings> settings = BenchmarkFleet.settings(URI.create(platform.gatewayUrl()), token, "capacity-",
                AGENTS);
        phases.next("activation", sentinels.agents());
        long start = System.nanoTime();
        double load = PlatformProbe.loadAverage();
        Thread starter = Thread.ofPlatform().name("fleet-start").start(() -> {
            try {
                fleet.start(settings, ACTIVATION_RATE, change -> { });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            await("every agent active or failed").atMost(Duration.ofSeconds(60 + 3L * AGENTS / 10))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> fleet.agents().size() == AGENTS && count(fleet, AgentState.ACTIVATING) == 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            run.put("activation: still activating at the time limit", count(fleet, AgentState.ACTIVATING));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        starter.join();
        run.put("activation: asked at (agents/s, one address)", ACTIVATION_RATE);
        run.put("activation: all done after (s)", seconds);
        run.put("activations/s", count(fleet, AgentState.ACTIVE) / seconds);
        run.put("activation: failed for good", count(fleet, AgentState.FAILED));
        for (String outcome : List.of("activated", "joined", "replayed", "busy", "locked-out", "refused")) {
            run.put("activation answers: " + outcome, probe.counter("heartbeat-gateway",
                    "vigil_gateway_activations_total", "outcome=\"" + outcome + "\""));
        }
        run.put("activation: connections refused (per-address cap)", probe.counter("heartbeat-gateway",
                "vigil_gateway_guard_refused_total", "reason=\"unauthenticated-connections\""));
        // an activated agent's first heartbeat connection (with its certificate) waits in the same line as the
        // activations of its address: the gateway knows a connection's certificate only once its handshake ran
        run.put("activation: connections that waited for a place (activations' and first heartbeats')",
                probe.counter("heartbeat-gateway", "vigil_gateway_guard_waited_total"));
        run.put("load average during activation", (load + PlatformProbe.loadAverage()) / 2);
        assertThat(count(fleet, AgentState.ACTIVE)).as("active agents").isPositive();
    }

    private void steady(Fleet fleet) {
        long active = count(fleet, AgentState.ACTIVE);
        await("warm-up: every active agent beats every second").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1)).until(() -> fleet.agents().stream()
                        .filter(a -> a.state() == AgentState.ACTIVE).allMatch(a -> a.acceptedHeartbeats() >= 3));
        nextPhase("warm-up", fleet);
        warmUp();
        nextPhase("steady window", fleet);
        fleet.roundTrips().reset();
        Map<String, Double> cpuBefore = ProcessCpu.snapshot(probe.postgresPort());
        Map<String, Map<Long, ProcessCpu.ThreadTicks>> threadsBefore = ProcessCpu.threads();
        double recordedBefore = probe.counter("heartbeat-gateway", "vigil_gateway_heartbeats_received_total");
        long start = System.nanoTime();
        Map<String, Long> maxLag = new LinkedHashMap<>();
        List<Double> loads = new ArrayList<>();
        try (ConsumerLag lag = new ConsumerLag(platform.infrastructure.bootstrapServers())) {
            await("steady window").atMost(Duration.ofSeconds(STEADY_SECONDS + 60)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> {
                        lag.now().forEach((group, behind) -> maxLag.merge(group, behind, Math::max));
                        loads.add(PlatformProbe.loadAverage());
                        return System.nanoTime() - start >= STEADY_SECONDS * 1_000_000_000L;
                    });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double recorded = probe.counter("heartbeat-gateway", "vigil_gateway_heartbeats_received_total")
                - recordedBefore;
        Map<String, Double> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot(probe.postgresPort()));
        Map<String, Map<Long, ProcessCpu.ThreadTicks>> threadsAfter = ProcessCpu.threads();
        Map<ProcessCpu.ThreadKind, Double> kinds = ProcessCpu.byKind(threadsBefore, threadsAfter, PLATFORM_JVMS);
        PLATFORM_JVMS.forEach(part -> System.out.printf("steady window: %s CPU-ms per 1,000 heartbeats by thread kind: "
                + "%s%n", part, ProcessCpu.byKind(threadsBefore, threadsAfter, List.of(part)).entrySet().stream()
                .map(e -> e.getKey() + " " + Math.round(e.getValue() / (recorded / 1000))).toList()));
        PLATFORM_JVMS.forEach(part -> System.out.printf("steady window: %s CPU-ms per 1,000 heartbeats by thread: %s%n",
                part, ProcessCpu.byGroup(threadsBefore, threadsAfter, part).entrySet().stream().limit(12)
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + Math.round(e.getValue() / (recorded / 1000))).toList()));
        run.put("agents active", active);
        run.put("steady window (s)", seconds);
        run.put("load average during the window", loads.stream().mapToDouble(d -> d).average().orElse(-1));
        run.put(CapacityReport.HEARTBEATS_PER_SECOND, recorded / seconds);
        run.put("heartbeat round trip p50 (ms)", fleet.roundTrips().percentileMillis(0.5));
        run.put("heartbeat round trip p99 (ms)", fleet.roundTrips().percentileMillis(0.99));
        double platformMs = 0;
        for (String part : ProcessCpu.PARTS) {
            double perThousand = cpu.get(part) / (recorded / 1000);
            run.put(CapacityReport.CPU_PREFIX + part, perThousand);
            if (!part.equals("load-generator")) {
                platformMs += cpu.get(part);
            }
        }
        run.put("CPU-ms per 1,000 heartbeats: platform (all but the load generator)", platformMs / (recorded / 1000));
        run.put("of the platform's: JIT compilation (CPU-ms per 1,000 heartbeats, its JVMs' compiler threads)",
                kinds.get(ProcessCpu.ThreadKind.JIT_COMPILATION) / (recorded / 1000));
        run.put("of the platform's: garbage collection (CPU-ms per 1,000 heartbeats, its JVMs' GC and VM threads)",
                kinds.get(ProcessCpu.ThreadKind.GARBAGE_COLLECTION) / (recorded / 1000));
        run.put("platform cores busy", platformMs / 1000 / seconds);
        run.put("heartbeats per platform core-second", recorded / (platformMs / 1000));
        maxLag.forEach((group, behind) -> run.put("consumer lag, max (records): " + group, behind));
    }

    /**
     * Waits until the platform's JVMs have compiled what the steady state runs: until their compiler threads use less
     * than {@link #SETTLED_COMPILATION_SHARE} of the JVMs' CPU over {@link #WARM_UP_STEP}, at most
     * {@code capacity.warm-up-max-seconds}. Right after the activation, C2 compiling the heartbeat path cost a third
     * of the platform's CPU and the code it ran then was not yet the compiled one; a platform that runs for days pays
     * that once.
     */
    private void warmUp() {
        long start = System.nanoTime();
        List<Map<String, Map<Long, ProcessCpu.ThreadTicks>>> last = new ArrayList<>(List.of(ProcessCpu.threads()));
        List<Double> shares = new ArrayList<>();
        try {
            await("JIT compilation settles").atMost(Duration.ofSeconds(WARM_UP_MAX_SECONDS))
                    .pollDelay(WARM_UP_STEP).pollInterval(WARM_UP_STEP).until(() -> {
                        Map<String, Map<Long, ProcessCpu.ThreadTicks>> now = ProcessCpu.threads();
                        Map<ProcessCpu.ThreadKind, Double> kinds = ProcessCpu.byKind(last.getLast(), now,
                                PLATFORM_JVMS);
                        last.add(now);
                        double total = kinds.values().stream().mapToDouble(d -> d).sum();
                        double share = total == 0 ? 0 : kinds.get(ProcessCpu.ThreadKind.JIT_COMPILATION) / total;
                        shares.add(share);
                        return share < SETTLED_COMPILATION_SHARE;
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            run.put("warm-up: JIT compilation had not settled at the time limit", true);
        }
        run.put("warm-up: steady heartbeats before the window (s)", (System.nanoTime() - start) / 1e9);
        System.out.printf("warm-up: JIT compilation's share of the platform JVMs' CPU, every %d s: %s%n",
                WARM_UP_STEP.toSeconds(), shares.stream().map(d -> String.format("%.0f%%", d * 100)).toList());
    }

    private void heapPerComputer(Map<String, Long> before) {
        probe.heaps().forEach((service, after) -> run.put("heap per computer (bytes): " + service,
                after < 0 || before.get(service) < 0 ? null : (double) (after - before.get(service)) / AGENTS));
    }

    private void policyChange(Fleet fleet) {
        List<ReferenceAgent> active = fleet.agents().stream().filter(a -> a.state() == AgentState.ACTIVE).toList();
        nextPhase("policy change (until the silence starts)", fleet);
        long start = System.nanoTime();
        console.policies().body(Map.of("value", "10 Minutes"))
                .post("/api/policies/1/settings/platformSettingHeartbeatLocalTimeShiftAlertThreshold")
                .then().statusCode(200);
        await("the Base Policy change reaches every agent").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200)).until(() -> active.stream()
                        .allMatch(a -> Objects.equals(a.configuration().clockChangeThresholdSeconds(), 600L)));
        run.put("Base Policy change to every agent (s)", (System.nanoTime() - start) / 1e9);
    }

    private List<Long> silence(Fleet fleet) {
        List<ReferenceAgent> active = fleet.agents().stream().filter(a -> a.state() == AgentState.ACTIVE).toList();
        List<ReferenceAgent> silent = new ArrayList<>();
        for (int i = 0; i < active.size(); i += 100) {
            silent.add(active.get(i));
        }
        List<Long> silentIDs = silent.stream().map(ReferenceAgent::computerID).toList();
        // a platform-outage raised by an earlier phase (more than 20% of the fleet late at once on this loaded
        // machine) holds offline alerts until its recovery settled: the silence starts once none is open, so that
        // its latency is the detection's; how many the run raised is reported beside it
        run.put("platform-outages raised before the silence", probe.counter("alert-service",
                "vigil_alerts_raised_total", "alertType=\"platform-outage\""));
        await("no platform-outage open").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !probe.platformOutageOpen());
        nextPhase("silence", fleet);
        Instant silenceStart = Instant.now();
        silent.forEach(ReferenceAgent::pauseHeartbeats);
        await("an offline alert for every silent agent").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2)).until(() -> probe.offlineAlerts().stream()
                        .map(PlatformProbe.OfflineAlert::computerID).filter(silentIDs::contains).distinct().count()
                        == silentIDs.size());
        List<PlatformProbe.OfflineAlert> alerts = probe.offlineAlerts();
        List<Double> latencies = alerts.stream().filter(a -> silentIDs.contains(a.computerID()))
                .map(PlatformProbe.OfflineAlert::latencyMillis).sorted().toList();
        List<ReferenceAgent> beating = Stream.concat(active.stream(), sentinels.agents().stream())
                .filter(a -> !silentIDs.contains(a.computerID())).toList();
        silences(phases.end(beating), beating.stream().map(ReferenceAgent::computerID).collect(Collectors.toSet()),
                fleet);
        run.put("silent agents", silent.size());
        run.put("detection latency p50 (ms, deadline to vigil.alerts)", latencies.get(latencies.size() / 2));
        run.put("detection latency p99 (ms)", latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1));
        falseAlerts(alerts, active, silentIDs, silenceStart);
        sentinelAlerts(alerts);
        return silentIDs;
    }

    /** Ends the current phase, reporting the silences the platform saw in it, and starts the next. */
    private void nextPhase(String name, Fleet fleet) {
        List<ReferenceAgent> active = Stream.concat(fleet.agents().stream(),
                sentinels.agents().stream()).filter(a -> a.state() == AgentState.ACTIVE).toList();
        phases.next(name, active).ifPresent(ended -> silences(ended, active.stream().map(ReferenceAgent::computerID)
                .collect(Collectors.toSet()), fleet));
    }

    /**
     * The silences the platform saw for agents that kept beating, in one phase: gaps between two appended heartbeats
     * of one agent beyond the interval plus grace (a first miss) and beyond (N+1)·I + G (an offline alert), beside how
     * late the agents' own timers fired. The longest are printed with what their agent saw.
     */
    private void silences(FleetPhases.Phase phase, Set<Long> beating, Fleet fleet) {
        List<RecordedHeartbeats.Gap> found = RecordedHeartbeats.gaps(RecordedHeartbeats.between(
                platform.infrastructure.bootstrapServers(), phase.from(), phase.to()), beating);
        List<Duration> gaps = found.stream().map(RecordedHeartbeats.Gap::length).toList();
        String name = phase.name();
        run.put("heartbeat gaps, " + name + ": over 1.1 s (a first miss)", gaps.stream()
                .filter(g -> g.toMillis() > 1100).count());
        run.put("heartbeat gaps, " + name + ": over 3.1 s (offline)", gaps.stream()
                .filter(g -> g.toMillis() > 3100).count());
        run.put("heartbeat gaps, " + name + ": longest (ms)", gaps.stream().mapToLong(Duration::toMillis).max()
                .orElse(0));
        run.put("agents' heartbeat timer, latest firing, " + name + " (ms)", phase.latest().toMillis());
        System.out.printf("%s: from %s to %s; gaps over 1.1 s ending at (s after the start, count): %s%n", name,
                phase.from(), phase.to(), found.stream().filter(g -> g.length().toMillis() > 1100)
                        .collect(Collectors.groupingBy(g -> Duration.between(phase.from(), g.after().appendedAt())
                                .toSeconds(), java.util.TreeMap::new, Collectors.counting())));
        Map<Long, ReferenceAgent> agents = Stream.concat(fleet.agents().stream(), sentinels.agents().stream())
                .filter(a -> a.computerID() != null).collect(Collectors.toMap(ReferenceAgent::computerID, a -> a));
        found.stream().sorted(Comparator.comparing(RecordedHeartbeats.Gap::length).reversed()).limit(3)
                .forEach(gap -> {
                    long id = gap.before().computerID();
                    System.out.printf("%s: gap of %d ms for computer %d (its timer at worst %d ms late): appended %s "
                            + "(received %s), then %s (received %s)%n", name, gap.length().toMillis(), id,
                            phase.lateness(id).toMillis(), gap.before().appendedAt(), gap.before().receivedAt(),
                            gap.after().appendedAt(), gap.after().receivedAt());
                    agents.get(id).recentHeartbeats().forEach(s -> System.out.printf("  agent sent %s, %s%n",
                            s.sentAt(), s.roundTrip() == null ? "unanswered"
                                    : s.status() + " after " + s.roundTrip().toMillis() + " ms"));
                });
    }

    /**
     * Offline alerts raised for agents that were beating at their deadline (a silent agent's before its silence
     * included), by phase, and how many of them went to an agent whose own heartbeat timer fired an interval or more
     * late in that phase: its process starved on this shared machine, so it really was late and the platform saw
     * what happened.
     */
    private void falseAlerts(List<PlatformProbe.OfflineAlert> alerts, List<ReferenceAgent> active,
                             List<Long> silentIDs, Instant silenceStart) {
        Set<Long> fleetIDs = active.stream().map(ReferenceAgent::computerID).collect(Collectors.toSet());
        List<PlatformProbe.OfflineAlert> falseAlerts = alerts.stream().filter(a -> fleetIDs.contains(a.computerID()))
                .filter(a -> !silentIDs.contains(a.computerID()) || a.deadline().isBefore(silenceStart)).toList();
        Duration interval = Duration.ofSeconds(1);
        run.put("false offline alerts", falseAlerts.size());
        run.put("false offline alerts: of them, the agent's own timer an interval or more late", falseAlerts.stream()
                .filter(a -> phases.at(a.deadline()).map(p -> p.lateness(a.computerID()).compareTo(interval) >= 0)
                        .orElse(false)).count());
        for (FleetPhases.Phase phase : phases.all()) {
            run.put("false offline alerts, " + phase.name(), falseAlerts.stream()
                    .filter(a -> phase.contains(a.deadline())).count());
        }
        explain(falseAlerts, active);
    }

    /**
     * Offline alerts of the sentinel agents (never paused), and how late their own timers fired at worst in each
     * phase: an alert for a sentinel whose timer fired on time in its phase is the platform's.
     */
    private void sentinelAlerts(List<PlatformProbe.OfflineAlert> alerts) {
        Set<Long> ids = sentinels.agents().stream().map(ReferenceAgent::computerID).collect(Collectors.toSet());
        List<PlatformProbe.OfflineAlert> raised = alerts.stream().filter(a -> ids.contains(a.computerID())).toList();
        run.put("sentinel agents (a Vert.x of their own, beating from before the activation on)", ids.size());
        run.put("sentinel agents: offline alerts", raised.size());
        run.put("sentinel agents: offline alerts while their own timers fired less than an interval late", raised
                .stream().filter(a -> phases.at(a.deadline()).map(p -> p.lateness(a.computerID())
                        .compareTo(Duration.ofSeconds(1)) < 0).orElse(true)).count());
        for (FleetPhases.Phase phase : phases.all()) {
            run.put("sentinel agents: their timers' latest firing, " + phase.name() + " (ms)", ids.stream()
                    .mapToLong(id -> phase.lateness(id).toMillis()).max().orElse(0));
        }
        explain(raised, sentinels.agents());
    }

    /** Prints what the agents and the platform did around each false offline alert (the agents' recent past only). */
    private void explain(List<PlatformProbe.OfflineAlert> falseAlerts, List<ReferenceAgent> active) {
        Map<Long, ReferenceAgent> byID = active.stream().collect(Collectors.toMap(ReferenceAgent::computerID, a -> a));
        FalseAlertTimeline.of(platform.infrastructure.bootstrapServers(), falseAlerts, byID).stream().limit(10)
                .map(FalseAlertTimeline.Case::describe).forEach(System.out::print);
    }

    private static long count(Fleet fleet, AgentState state) {
        return fleet.states().getOrDefault(state, 0L);
    }
}
