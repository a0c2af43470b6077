package io.vigil.system;

import io.vigil.testkit.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The repository's {@code ./vigil} script, run as a person runs it from a terminal, with its state in its own directory
 * and every port it binds moved to a free one (so that it never meets another {@code ./vigil up} on this machine).
 */
final class VigilCommand {

    /** One line of {@code ./vigil status}. */
    record Unit(String name, String port, long pid, String state, String ready, String live, String restarts) {
        boolean isReady() {
            return "UP".equals(ready);
        }
    }

    /** What {@code ./vigil status} printed and its exit status (0: running and every service ready). */
    record Status(int exitCode, String headline, Map<String, Unit> units, String output) {
        Unit unit(String name) {
            Unit unit = units.get(name);
            if (unit == null) {
                throw new AssertionError("./vigil status has no line for " + name + ":\n" + output);
            }
            return unit;
        }
    }

    private final Path script;
    private final Path state;
    private final Map<String, String> environment = new LinkedHashMap<>();

    /** {@code ./vigil} of the checkout at {@code root}, its state in {@code state}, starting only {@code services}. */
    VigilCommand(Path root, Path state, List<String> services) {
        this.script = root.resolve("vigil");
        this.state = state;
        environment.put("VIGIL_STATE_DIR", state.toString());
        environment.put("VIGIL_SERVICES", String.join(" ", services));
        for (String variable : List.of("VIGIL_POLICY_PORT", "VIGIL_REGISTRY_PORT", "VIGIL_ALERTS_PORT",
                "VIGIL_GATEWAY_MANAGEMENT_PORT", "VIGIL_SIEM_PORT", "VIGIL_GATEWAY_PORT",
                "VIGIL_POLICY_INTERNAL_PORT", "VIGIL_REGISTRY_INTERNAL_PORT", "VIGIL_POSTGRES_PORT")) {
            environment.put(variable, Integer.toString(FreePorts.next()));
        }
        environment.put("VIGIL_KAFKA_PORT", Integer.toString(kafkaPort()));
        environment.put("VIGIL_READY_SECONDS", "540");
    }

    /** A free port whose successor (Kafka's controller) is free too. */
    private static int kafkaPort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = FreePorts.next();
            try (var next = new java.net.ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no two consecutive free ports for Kafka");
    }

    Path state() {
        return state;
    }

    Path log(String name) {
        return state.resolve("logs").resolve(name + ".log");
    }

    /** Starts {@code ./vigil ARGS} in the background, its output to {@code output}. */
    Process start(Path output, String... arguments) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./vigil ARGS} to its end (at most {@code seconds}) and returns its exit status and output. */
    Result run(long seconds, String... arguments) {
        try {
            Path output = Files.createTempFile(state, "vigil-", ".out");
            Process process = start(output, arguments);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./vigil " + String.join(" ", arguments) + " still running after "
                        + seconds + " s: " + Files.readString(output));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Result(int exitCode, String output) {
    }

    /** {@code ./vigil status}: the headline, then a table whose rows follow the header line {@code UNIT PORT ...}. */
    Status status() {
        Result result = run(60, "status");
        List<String> lines = result.output().lines().toList();
        String headline = lines.stream().filter(line -> line.startsWith("./vigil up is")).findFirst().orElse("");
        Map<String, Unit> units = new LinkedHashMap<>();
        boolean table = false;
        for (String line : lines) {
            String[] columns = line.trim().split("\\s+");
            if (table && !line.isBlank()) {
                if (columns.length != 7) {
                    throw new AssertionError("./vigil status row is not 7 columns: '" + line + "' in\n"
                            + result.output());
                }
                units.put(columns[0], new Unit(columns[0], columns[1],
                        "-".equals(columns[2]) ? -1 : Long.parseLong(columns[2]), columns[3], columns[4], columns[5],
                        columns[6]));
            }
            table |= columns[0].equals("UNIT");
        }
        return new Status(result.exitCode(), headline, units, result.output());
    }
}
