package io.vigil.system;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The capacity benchmark's record: every run is one line of {@code runs.jsonl} (its measurements in the order they
 * were taken), and the whole history is rendered again as one Markdown table ({@code results.md}: a row per
 * measurement, a column per run) and one plot ({@code results.svg}).
 */
final class CapacityReport {

    static final String FLEET = "fleet (agents)";
    static final String HEARTBEATS_PER_SECOND = "heartbeats/s recorded";
    static final String CPU_PREFIX = "CPU-ms per 1,000 heartbeats: ";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String prefix;

    /** The capacity benchmark's record: {@code runs.jsonl}, {@code results.md}, {@code results.svg}. */
    CapacityReport(Path dir) {
        this(dir, "");
    }

    private CapacityReport(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    /** The storm benchmark's record beside it: {@code storm-runs.jsonl} and {@code storm-results.md}, no plot. */
    static CapacityReport storm(Path dir) {
        return new CapacityReport(dir, "storm-");
    }

    /** Appends the run and renders the table and the plot again from every run. */
    void add(Map<String, Object> run) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(prefix + "runs.jsonl"), JSON.writeValueAsString(run) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<Map<String, Object>> runs = runs();
            if (prefix.isEmpty()) {
                Files.writeString(dir.resolve("results.md"), table(runs));
                Files.writeString(dir.resolve("results.svg"), CapacityPlot.svg(runs));
            } else {
                Files.writeString(dir.resolve(prefix + "results.md"), table(STORM_TITLE, runs));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> runs() throws IOException {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(prefix + "runs.jsonl"))) {
            if (!line.isBlank()) {
                runs.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {
                }));
            }
        }
        return runs;
    }

    private static final String CAPACITY_TITLE = """
            # Capacity benchmark results

            Written by `CapacityBenchmark` (see [../capacity.md](../capacity.md) for how to run it and what the
            numbers mean). One column per run; CPU from `/proc/<pid>/stat` over the steady window; the load
            average is the machine's (shared with other builds) during that window.

            """;
    private static final String STORM_TITLE = """
            # Reconnect storm benchmark results

            Written by `StormBenchmark` (see [../capacity.md](../capacity.md), "The reconnect storm of 20,000
            agents"). One column per run; CPU from `/proc/<pid>/stat`.

            """;

    static String table(List<Map<String, Object>> runs) {
        return table(CAPACITY_TITLE, runs);
    }

    private static String table(String title, List<Map<String, Object>> runs) {
        Set<String> rows = new LinkedHashSet<>();
        runs.forEach(r -> rows.addAll(r.keySet()));
        StringBuilder md = new StringBuilder(title);
        md.append("| measurement |");
        runs.forEach(r -> md.append(' ').append(cell(r.get("run"))).append(" |"));
        md.append("\n|---|");
        runs.forEach(r -> md.append("---:|"));
        md.append('\n');
        for (String row : rows) {
            if (row.equals("run")) {
                continue;
            }
            md.append("| ").append(row).append(" |");
            runs.forEach(r -> md.append(' ').append(cell(r.get(row))).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) d);
            }
            return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.0f" : "%.2f", d);
        }
        return value.toString().replace("|", "\\|");
    }
}
