package io.vigil.agent;

import io.vertx.core.Vertx;
import io.vigil.agent.testing.FakeManager;
import io.vigil.agent.testing.TestPki;
import io.vigil.agent.tls.KeyMaterial;
import io.vigil.events.config.AgentConfiguration;

import java.lang.management.ManagementFactory;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: how many agents one simulator process carries. Starts N agents (default 2000) against the in-test
 * manager with a short heartbeat interval, then prints activations per second, heartbeats per second, threads and
 * heap. Arguments: [agents] [intervalSeconds] [measureSeconds]. Client and manager share the machine.
 */
public final class FleetBenchmark {

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long interval = args.length > 1 ? Long.parseLong(args[1]) : 5;
        long measure = args.length > 2 ? Long.parseLong(args[2]) : 30;
        TestPki pki = TestPki.create("Benchmark CA");
        Vertx vertx = Vertx.vertx();
        try (FakeManager manager = FakeManager.start(pki, pki.manager())) {
            manager.configuration = new AgentConfiguration(interval, "Agent/Appliance Initiated", null, List.of("any"));
            KeyPair shared = KeyMaterial.newKeyPair();
            List<AgentSettings> settings = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                settings.add(AgentSettings.builder(manager.uri(), FakeManager.TOKEN, pki.caSha256())
                        .hostName("bench-" + i).listen(false).keyPairs(() -> shared).build());
            }
            Fleet fleet = new Fleet(vertx);
            long start = System.nanoTime();
            fleet.start(settings, 100_000, change -> { });
            while (fleet.states().getOrDefault(AgentState.ACTIVE, 0L) < count) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double activationSeconds = (System.nanoTime() - start) / 1e9;
            long before = manager.heartbeats.size();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(measure);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long beats = manager.heartbeats.size() - before;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("agents: %d activated in %.1f s (%.0f activations/s)%n", count, activationSeconds,
                    count / activationSeconds);
            System.out.printf("heartbeats: %d in %.1f s = %.0f/s (expected %.0f/s at %d s interval)%n", beats,
                    seconds, beats / seconds, (double) count / interval, interval);
            System.out.printf("threads: %d, heap used: %d MiB, states: %s%n",
                    ManagementFactory.getThreadMXBean().getThreadCount(),
                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), fleet.states());
            fleet.stop(Duration.ofSeconds(30));
            System.out.println("stopped: " + Map.copyOf(fleet.states()));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
