package io.vigil.system;

import io.vigil.agent.AgentState;
import io.vigil.agent.Fleet;
import io.vigil.agent.ReferenceAgent;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The reconnect storm: the gateway is restarted (SIGTERM, then started again) while the fleet beats; every agent
 * loses its connection and comes back with a full handshake (the new process knows none of the old sessions). Measures
 * how long until every beating agent was answered again, full handshakes per gateway CPU-second (the gateway's CPU
 * from its start to the last agent back, heartbeats included: a lower bound) and whether any computer that kept
 * beating was alerted offline.
 */
final class ReconnectStorm {

    private final Platform platform;
    private final PlatformProbe probe;
    private final Map<String, Object> run;

    ReconnectStorm(Platform platform, PlatformProbe probe, Map<String, Object> run) {
        this.platform = platform;
        this.probe = probe;
        this.run = run;
    }

    void measure(Fleet fleet, List<Long> silent) {
        List<ReferenceAgent> beating = fleet.agents().stream()
                .filter(a -> a.state() == AgentState.ACTIVE && !silent.contains(a.computerID())).toList();
        ServiceProcess gateway = platform.service("heartbeat-gateway");
        java.time.Instant stormStart = java.time.Instant.now();
        long start = System.nanoTime();
        gateway.stop();
        long stopped = System.nanoTime();
        Map<Long, Long> before = new java.util.HashMap<>();
        beating.forEach(a -> before.put(a.computerID(), a.acceptedHeartbeats()));
        gateway.start();
        Map<String, Double> cpuBefore = ProcessCpu.snapshot(probe.postgresPort());
        gateway.awaitReady();
        long ready = System.nanoTime();
        await("every beating agent answered by the new gateway").atMost(Duration.ofSeconds(600))
                .pollInterval(Duration.ofMillis(500)).until(() -> beating.stream()
                        .allMatch(a -> a.acceptedHeartbeats() > before.get(a.computerID())));
        long back = System.nanoTime();
        Map<String, Double> cpu = ProcessCpu.between(cpuBefore, ProcessCpu.snapshot(probe.postgresPort()));
        run.put("reconnect storm: agents", beating.size());
        run.put("reconnect storm: gateway stop (s)", (stopped - start) / 1e9);
        run.put("reconnect storm: gateway start to ready (s)", (ready - stopped) / 1e9);
        run.put("reconnect storm: ready to every agent back (s)", (back - ready) / 1e9);
        double gatewaySeconds = cpu.get("heartbeat-gateway") / 1000;
        run.put("reconnect storm: full handshakes per gateway CPU-second (start included)",
                beating.size() / gatewaySeconds);
        run.put("reconnect storm: resumed sessions", "0 % (a new process holds none of the old sessions)");
        // a platform-outage raised by the storm holds offline alerts back until the fleet's recovery settled, and each
        // computer still silent then gets its own allowance: count only once it is over, every deadline of the storm
        // has passed (10 s > (N+1)·I + grace) and alert-service has read everything
        await("no platform-outage open after the storm").atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> !probe.platformOutageOpen());
        try (ConsumerLag lag = new ConsumerLag(platform.infrastructure.bootstrapServers())) {
            await("alert-service caught up after the storm").pollDelay(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> lag.now().getOrDefault("vigil-alert-service", 0L) == 0);
        }
        java.util.Set<Long> beatingIDs = new java.util.HashSet<>(before.keySet());
        run.put("reconnect storm: platform-outages raised (all phases)", probe.counter("alert-service",
                "vigil_alerts_raised_total", "alertType=\"platform-outage\""));
        // the storm's own: deadlines from the gateway's stop on (the earlier phases' are reported by the benchmark)
        run.put("reconnect storm: false offline alerts", probe.offlineAlerts().stream()
                .filter(a -> beatingIDs.contains(a.computerID())).filter(a -> !a.deadline().isBefore(stormStart))
                .count());
    }
}
