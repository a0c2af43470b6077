package io.vigil.alerts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vigil.alerts.engine.EngineRunner;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.VigilTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Not a test (surefire excludes it; run with {@code -Pbench}). Produces heartbeats straight to
 * {@code vigil.heartbeats} for {@code -Dbench.computers} computers (default 100,000) at a 120-second interval, lets
 * 1% fall silent at random times, and prints the delay between each deadline and its alert on {@code vigil.alerts}
 * (p50/p99/max), heap per tracked computer and the heartbeat rate produced. Then it stops the engine while the fleet
 * keeps beating, starts it again and reports the rate at which it rebuilds from the log and any alert the restart
 * got wrong.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class AlertDetectionBenchmark {

    private static final long INTERVAL = 120_000;

    @Inject
    EngineRunner runner;

    @Inject
    MeterRegistry meters;

    @Test
    void run() throws Exception {
        int computers = Integer.getInteger("bench.computers", 100_000);
        long base = System.currentTimeMillis() % 1_000_000 * 10_000_000L;
        long heapBefore = usedHeapAfterGc();
        try (BenchFleet fleet = new BenchFleet(Infrastructure.shared().bootstrapServers(), base, computers, INTERVAL);
             AlertProbe probe = new AlertProbe(Infrastructure.shared().bootstrapServers(), base, computers, runner)) {
            fleet.start();
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> runner.engine().tracked() >= computers);
            long heapTracked = usedHeapAfterGc();
            int silent = fleet.silent();
            // silences start within [I, 2I); each alert comes I + G = 132 s after its computer's last heartbeat
            await().atMost(Duration.ofMinutes(12)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> probe.offlineAlerts() >= silent || fleet.elapsedMillis() > 2 * INTERVAL + 150_000);
            List<Long> delays = new ArrayList<>(probe.delays());
            Collections.sort(delays);
            long sentBeforeRestart = fleet.sent();
            double seconds = fleet.elapsedMillis() / 1000.0;
            System.out.printf("%n=== AlertDetectionBenchmark: %,d computers, interval 120 s, %d silent ===%n",
                    computers, silent);
            System.out.printf("heartbeats produced: %,d in %.0f s = %,.0f/s (failed sends %d)%n",
                    sentBeforeRestart, seconds, sentBeforeRestart / seconds, fleet.failed());
            System.out.printf("offline alerts on vigil.alerts: %d of %d silent; false alerts (beating): %d%n",
                    delays.size(), silent, probe.falseAlerts(fleet::isSilent));
            if (!delays.isEmpty()) {
                System.out.printf("deadline -> alert on vigil.alerts: p50 %d ms, p99 %d ms, max %d ms%n",
                        pct(delays, 50), pct(delays, 99), delays.getLast());
            }
            System.out.printf("heap per tracked computer: %.0f bytes (%,d -> %,d bytes used after GC)%n",
                    (heapTracked - heapBefore) / (double) computers, heapBefore, heapTracked);
            System.out.printf("max judgement hold-back seen: %d ms; max consumer lag seen: %d records%n",
                    probe.maxHoldBack(), probe.maxLag());
            restartWhileTheFleetBeats(computers, fleet, probe);
            fleet.stop();
        }
    }

    /**
     * Stops the engine while the fleet keeps beating (for a quarter of an interval), starts it again, and measures
     * the rebuild from the log until it judges again: the heartbeats consumed per second, and whether the restart
     * raised any alert for a beating computer or any second alert for a silent one.
     */
    private void restartWhileTheFleetBeats(int computers, BenchFleet fleet, AlertProbe probe) {
        int alertsBefore = probe.offlineAlerts();
        runner.stop();
        long sentAtStop = fleet.sent();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> fleet.sent() >= sentAtStop + computers / 4);
        double consumedBefore = consumed();
        long start = System.nanoTime();
        runner.start();
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> runner.engine().gauges().holdBackMillis() >= 0
                        && runner.engine().gauges().holdBackMillis() < 2_000 && runner.engine().tracked() >= computers);
        double seconds = (System.nanoTime() - start) / 1e9;
        double records = consumed() - consumedBefore;
        // deadlines that passed while the engine was down are judged now; give their alerts time to arrive
        long judgedAt = System.currentTimeMillis();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> System.currentTimeMillis() - judgedAt > 15_000);
        System.out.printf("restart after %,d heartbeats sent while down: rebuilt %,.0f heartbeats from the log in "
                + "%.1f s = %,.0f heartbeats/s consumed%n", fleet.sent() - sentAtStop, records, seconds,
                records / seconds);
        System.out.printf("after the restart: %d new offline alerts, false alerts (beating): %d, computers alerted "
                + "twice: %d%n", probe.offlineAlerts() - alertsBefore, probe.falseAlerts(fleet::isSilent),
                probe.alertedTwice());
    }

    private double consumed() {
        return meters.counter("vigil.alerts.heartbeats.consumed").count();
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static JsonNode json(byte[] value) {
        return EventJson.read(value, new com.fasterxml.jackson.core.type.TypeReference<JsonNode>() { });
    }

    static final String ALERTS = Topics.ALERTS;
}
