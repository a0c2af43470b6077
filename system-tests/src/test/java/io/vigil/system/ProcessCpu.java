package io.vigil.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the platform, read from {@code /proc/<pid>/stat} (user + system time of the process
 * and of its waited-for children, in clock ticks of 10 ms): the five services, Kafka and PostgreSQL are processes
 * this JVM started, told apart by their command lines; this JVM itself is the load generator (the agents).
 */
final class ProcessCpu {

    static final List<String> PARTS = List.of("heartbeat-gateway", "agent-registry", "alert-service",
            "policy-service", "siem-forwarder", "kafka", "postgresql", "load-generator");
    private static final double MILLIS_PER_TICK = 10;

    private ProcessCpu() {
    }

    /**
     * CPU milliseconds used so far by each part (processes that ended count no longer, unless waited for).
     *
     * @param postgresPort the port of the platform's PostgreSQL server (its postmaster may have left this JVM's tree)
     */
    static Map<String, Double> snapshot(int postgresPort) {
        Map<String, Double> millis = new LinkedHashMap<>();
        PARTS.forEach(p -> millis.put(p, 0.0));
        millis.merge("load-generator", ticks(ProcessHandle.current().pid()) * MILLIS_PER_TICK, Double::sum);
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            descendants.forEach(p -> {
                String part = part(p.info().commandLine().orElse(""));
                if (part != null && !part.equals("postgresql")) {
                    millis.merge(part, ticks(p.pid()) * MILLIS_PER_TICK, Double::sum);
                }
            });
        }
        millis.put("postgresql", postgres(postgresPort) * MILLIS_PER_TICK);
        return millis;
    }

    /** The difference of two snapshots, per part. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, ms) -> used.put(part, Math.max(0, ms - before.getOrDefault(part, 0.0))));
        return used;
    }

    /** The ticks of the postmaster listening on the port and of every backend it started. */
    private static long postgres(int port) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> isPostmaster(p.info().commandLine().orElse(""), port))
                    .mapToLong(p -> {
                        try (Stream<ProcessHandle> backends = p.descendants()) {
                            return ticks(p.pid()) + backends.mapToLong(b -> ticks(b.pid())).sum();
                        }
                    }).sum();
        }
    }

    static boolean isPostmaster(String commandLine, int port) {
        return commandLine.contains("postgres") && commandLine.matches(".*-p\\s+" + port + "(\\s.*|$)");
    }

    /** The part a process belongs to, by its command line; null for none (e.g. a one-off tool). */
    static String part(String commandLine) {
        for (String service : PARTS.subList(0, 5)) {
            if (commandLine.contains("/" + service + "/")) {
                return service;
            }
        }
        if (commandLine.contains("kafka.Kafka") || commandLine.contains("kafka_2.13")) {
            return "kafka";
        }
        if (commandLine.contains("postgres")) {
            return "postgresql";
        }
        return null;
    }

    /** utime + stime + cutime + cstime of {@code /proc/<pid>/stat}; 0 for a process that is gone. */
    static long ticks(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long ticks(String stat) {
        // the command name (field 2) may hold spaces and parentheses: the fields after it start at the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
}
