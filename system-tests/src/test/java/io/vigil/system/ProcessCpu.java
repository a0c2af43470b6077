package io.vigil.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the platform, read from {@code /proc/<pid>/stat} (user + system time of the process
 * and of its waited-for children, in clock ticks of 10 ms): the five services, Kafka and PostgreSQL are processes
 * this JVM started, told apart by their command lines; this JVM itself is the load generator (the agents). The JVMs'
 * threads are read apart too ({@code /proc/<pid>/task}), to tell JIT compilation and garbage collection from work.
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

    /** What a JVM thread does, by the name the JVM gives it ({@code /proc/<pid>/task/<tid>/comm}). */
    enum ThreadKind {
        /** The C1 and C2 compiler threads: work that settles once the running code has been compiled. */
        JIT_COMPILATION,
        /** G1's and the VM's own threads (parallel and concurrent collection, refinement, safepoints). */
        GARBAGE_COLLECTION,
        /** Everything else: the service's own work (event loops, Kafka clients, the platform's threads). */
        WORK;

        static ThreadKind of(String threadName) {
            if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
                return JIT_COMPILATION;
            }
            if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")
                    || threadName.equals("VM Thread")) {
                return GARBAGE_COLLECTION;
            }
            return WORK;
        }
    }

    /**
     * CPU ticks so far of every live thread of the platform's JVMs (the five services and Kafka), by part, thread ID
     * and kind. Threads that ended are missing (the JVM starts and ends compiler threads as it needs them), so a
     * difference of two of these is a lower bound of what each kind used in between.
     */
    static Map<String, Map<Long, ThreadTicks>> threads() {
        Map<String, Map<Long, ThreadTicks>> byPart = new LinkedHashMap<>();
        try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
            descendants.forEach(p -> {
                String part = part(p.info().commandLine().orElse(""));
                if (part != null && !part.equals("postgresql")) {
                    byPart.computeIfAbsent(part, k -> new LinkedHashMap<>()).putAll(threadsOf(p.pid()));
                }
            });
        }
        return byPart;
    }

    /** One thread's kind, CPU ticks and group: its name with the numbers that tell a pool's threads apart masked. */
    record ThreadTicks(ThreadKind kind, long ticks, String group) {

        ThreadTicks(ThreadKind kind, long ticks) {
            this(kind, ticks, kind.name());
        }

        /** {@code data-plane-kafka-request-handler-3} and {@code vert.x-eventloop-thread-1} become one group each. */
        static String groupOf(String threadName) {
            return threadName.replaceAll("\\d+", "#");
        }
    }

    /**
     * CPU milliseconds used between two {@link #threads()} snapshots by each thread group of one part, the busiest
     * first (threads that started in between count in full, threads that ended not at all).
     */
    static Map<String, Double> byGroup(Map<String, Map<Long, ThreadTicks>> before,
                                       Map<String, Map<Long, ThreadTicks>> after, String part) {
        Map<Long, ThreadTicks> earlier = before.getOrDefault(part, Map.of());
        Map<String, Double> millis = new LinkedHashMap<>();
        after.getOrDefault(part, Map.of()).forEach((tid, now) -> {
            ThreadTicks then = earlier.get(tid);
            long used = now.ticks() - (then == null ? 0 : then.ticks());
            millis.merge(now.group(), Math.max(0, used) * MILLIS_PER_TICK, Double::sum);
        });
        Map<String, Double> busiestFirst = new LinkedHashMap<>();
        millis.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> busiestFirst.put(e.getKey(), e.getValue()));
        return busiestFirst;
    }

    /** CPU milliseconds per kind used between two {@link #threads()} snapshots, summed over every part given. */
    static Map<ThreadKind, Double> byKind(Map<String, Map<Long, ThreadTicks>> before,
                                          Map<String, Map<Long, ThreadTicks>> after, List<String> parts) {
        Map<ThreadKind, Double> millis = new EnumMap<>(ThreadKind.class);
        for (ThreadKind kind : ThreadKind.values()) {
            millis.put(kind, 0.0);
        }
        for (String part : parts) {
            Map<Long, ThreadTicks> earlier = before.getOrDefault(part, Map.of());
            after.getOrDefault(part, Map.of()).forEach((tid, now) -> {
                ThreadTicks then = earlier.get(tid);
                long used = now.ticks() - (then == null ? 0 : then.ticks());
                millis.merge(now.kind(), Math.max(0, used) * MILLIS_PER_TICK, Double::sum);
            });
        }
        return millis;
    }

    static Map<Long, ThreadTicks> threadsOf(long pid) {
        Map<Long, ThreadTicks> threads = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    threads.put(Long.parseLong(task.getFileName().toString()),
                            new ThreadTicks(ThreadKind.of(name), ticks(Files.readString(task.resolve("stat"))),
                                    ThreadTicks.groupOf(name)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | RuntimeException e) {
            // the process ended meanwhile
        }
        return threads;
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
