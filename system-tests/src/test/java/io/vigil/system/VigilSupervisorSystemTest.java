package io.vigil.system;

import io.vigil.system.VigilCommand.Status;
import io.vigil.system.VigilCommand.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./vigil up} as a supervisor, driven from a second terminal as a person would: the real script on free ports
 * with its own state directory (under {@code target/system-test-logs/vigil-supervisor}, kept for reading). It starts
 * two of the services ({@code VIGIL_SERVICES}): the supervisor treats every service alike, and the five of them
 * start in minutes on a busy 2-core machine. A service killed with SIGKILL is restarted and ready again, and {@code ./vigil status}
 * never shows it ready while it is gone; {@code ./vigil logs} follows its log across the restart; a supervisor killed
 * with SIGKILL (and its LocalStack, so that Kafka and PostgreSQL are orphans) leaves processes that the next
 * {@code ./vigil up} stops before it starts; {@code ./vigil stop} stops everything, Kafka and PostgreSQL included.
 */
class VigilSupervisorSystemTest {

    private static final List<String> SERVICES = List.of("alert-service", "siem-forwarder");
    private static final Duration START = Duration.ofSeconds(600); // Kafka alone took 160 s at load 60 on 2 cores

    private final Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    private final Path state = root.resolve("system-tests/target/system-test-logs/vigil-supervisor");
    private VigilCommand vigil;

    @AfterEach
    void stopWhateverIsLeft() {
        if (vigil != null) {
            vigil.run(180, "stop");
        }
    }

    @Test
    void restartsAKilledServiceAndCleansUpAfterAKilledSupervisor() throws Exception {
        deleteRecursively(state);
        Files.createDirectories(state);
        vigil = new VigilCommand(root, state, SERVICES);
        Path firstOutput = state.resolve("up-1.out");
        Process up = vigil.start(firstOutput, "up", "--no-demo", "--no-build");
        Status ready = awaitEveryServiceReady(up, firstOutput);
        assertThat(ready.headline()).contains("./vigil up is running (pid " + up.pid() + ")");

        // 1. a service killed with SIGKILL is restarted; status tells the truth meanwhile
        Process followed = vigil.start(state.resolve("logs.out"), "logs", "alert-service");
        Unit killed = ready.unit("alert-service");
        kill(killed.pid());
        List<Unit> seen = new ArrayList<>();
        await("alert-service restarted and ready").atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
            Unit now = vigil.status().unit("alert-service");
            seen.add(now);
            assertThat(now.pid()).as("the killed process is never shown").isNotEqualTo(killed.pid());
            return now.isReady() && "running".equals(now.state());
        });
        Unit restarted = seen.getLast();
        assertThat(seen.subList(0, seen.size() - 1)).as("until it is ready again").isNotEmpty()
                .allSatisfy(unit -> {
                    assertThat(unit.state()).matches("down|restarting\\(\\d+s\\)|starting");
                    assertThat(unit.ready()).isNotEqualTo("UP");
                });
        assertThat(restarted.restarts()).isEqualTo("1");
        assertThat(Files.readString(firstOutput))
                .contains("alert-service exited (status 137); restarting in 1 s", "restarting alert-service (restart 1)");
        await("./vigil logs follows the log across the restart").atMost(Duration.ofSeconds(30)).until(() ->
                Files.readString(state.resolve("logs.out")).contains("---- vigil: restart 1 of alert-service"));
        followed.destroy();
        Status afterRestart = vigil.status();
        for (String service : SERVICES) {
            if (!service.equals("alert-service")) {
                assertThat(afterRestart.unit(service)).as(service + " untouched")
                        .extracting(Unit::pid, Unit::restarts).containsExactly(ready.unit(service).pid(), "0");
            }
        }

        // 2. the supervisor and its LocalStack killed with SIGKILL: Kafka, PostgreSQL and the services stay behind
        Map<String, Long> left = pids(vigil.status());
        up.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        kill(left.get("infra"));
        Status orphaned = vigil.status();
        assertThat(orphaned.exitCode()).isEqualTo(3);
        assertThat(orphaned.headline()).contains("not running");
        assertThat(orphaned.unit("siem-forwarder").state()).isEqualTo("orphaned");
        assertThat(left).containsKeys("kafka", "postgresql");
        left.forEach((unit, pid) -> {
            if (!unit.equals("infra")) {
                assertThat(alive(pid)).as(unit + " left running").isTrue();
            }
        });

        Path secondOutput = state.resolve("up-2.out");
        Process again = vigil.start(secondOutput, "up", "--no-demo", "--no-build");
        Status readyAgain = awaitEveryServiceReady(again, secondOutput);
        left.forEach((unit, pid) -> assertThat(alive(pid)).as(unit + " of the killed run stopped").isFalse());
        assertThat(Files.readString(secondOutput)).contains(
                "stopping alert-service (pid " + left.get("alert-service") + "), left running by an earlier ./vigil up",
                "stopping kafka (pid " + left.get("kafka") + "), left running by a LocalStack that was killed",
                "stopping postgresql (pid " + left.get("postgresql") + ")");

        // 3. ./vigil stop from another terminal stops everything
        Map<String, Long> running = pids(readyAgain);
        VigilCommand.Result stop = vigil.run(180, "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(again.waitFor(10, TimeUnit.SECONDS)).isTrue();
        running.forEach((unit, pid) -> assertThat(alive(pid)).as(unit + " stopped").isFalse());
        assertThat(vigil.status().headline()).contains("not running");
    }

    private Status awaitEveryServiceReady(Process up, Path output) {
        return await("every service ready in ./vigil status").atMost(START).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!up.isAlive()) {
                        throw new AssertionError("./vigil up exited: " + Files.readString(output));
                    }
                    return vigil.status();
                }, status -> status.exitCode() == 0 && status.units().keySet().containsAll(SERVICES));
    }

    private static Map<String, Long> pids(Status status) {
        return status.units().values().stream().filter(unit -> unit.pid() > 0)
                .collect(Collectors.toMap(Unit::name, Unit::pid));
    }

    private static void kill(long pid) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive(pid));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Alive and not a zombie (an orphan's zombie stays until its new parent reaps it). */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }
}
