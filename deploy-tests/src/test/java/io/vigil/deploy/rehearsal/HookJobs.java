package io.vigil.deploy.rehearsal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vigil.deploy.ContainerEnvironment;
import io.vigil.deploy.KubectlStandIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the rendered hook Jobs' scripts as the Jobs give them (command, args, resolved environment) with the host's
 * shell and openssl (the Jobs' own images, a kubectl/openssl image and the Kafka image, are not available offline).
 * Paths of the Jobs' volumes are moved to directories of the test; {@code kubectl} is a stand-in that keeps Secrets in
 * the {@link Cluster}'s directories, and the Kafka command-line tools are stand-ins that record their calls, which
 * {@link TopicCalls} then carries out against the broker with the client settings the script wrote.
 */
final class HookJobs {

    private HookJobs() {
    }

    /** Runs the CA Job: the platform CA and the service certificates end up as Secrets of the cluster. */
    static void runCaJob(Job job, Cluster cluster, Path work) throws IOException, InterruptedException {
        Path bin = work.resolve("bin");
        KubectlStandIn.write(bin, cluster.secretsDir(), work.resolve("kubectl-calls.txt"));
        Container container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, String> env = ContainerEnvironment.resolve(container, job.getMetadata().getName(), cluster);
        run(job, container, env, cluster, work, List.of(), bin + ":/usr/bin:/bin");
    }

    /** Runs the topic Job; answers the recorded Kafka tool calls and the client properties file the script wrote. */
    static TopicCalls runTopicsJob(Job job, Cluster cluster, Path work) throws IOException, InterruptedException {
        Container container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Path bin = Files.createDirectories(work.resolve("kafka-bin"));
        Path calls = work.resolve("kafka-calls.txt");
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh")) {
            Path script = bin.resolve(tool);
            Files.writeString(script, "#!/bin/sh\n{ echo '" + tool + "'; printf '%s\\n' \"$@\"; echo; } >> " + calls + "\n");
            script.toFile().setExecutable(true);
        }
        Map<String, String> env = ContainerEnvironment.resolve(container, job.getMetadata().getName(), cluster);
        String kafkaHome = container.getArgs().getFirst().lines().filter(l -> l.startsWith("bin="))
                .findFirst().orElseThrow(() -> new IllegalStateException("the topic Job names no bin= directory"))
                .substring("bin=".length());
        run(job, container, env, cluster, work, List.of(Map.entry(kafkaHome, bin)),
                "/usr/bin:/bin");
        return TopicCalls.parse(Files.exists(calls) ? Files.readAllLines(calls) : List.of());
    }

    /**
     * Runs the container's command with its volumes as directories of {@code work} (Secret volumes filled from the
     * cluster); answers the mount table (container path to host path).
     */
    private static Map<String, Path> run(Job job, Container container, Map<String, String> env, Cluster cluster,
                                         Path work, List<Map.Entry<String, Path>> extraPaths, String path) throws IOException, InterruptedException {
        Map<String, Path> mounts = new LinkedHashMap<>();
        List<Volume> volumes = job.getSpec().getTemplate().getSpec().getVolumes();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            Path dir = work.resolve("volume-" + volume.getName());
            if (volume.getSecret() != null) {
                SecretVolumes.project(cluster, volume, dir, null);
            } else if (volume.getEmptyDir() != null) {
                Files.createDirectories(dir);
            } else {
                throw new IllegalStateException("Job volume " + volume.getName() + " of an unsupported kind");
            }
            mounts.put(mount.getMountPath(), dir);
        }
        Map<String, Path> paths = new LinkedHashMap<>(mounts);
        extraPaths.forEach(e -> paths.put(e.getKey(), e.getValue()));
        java.util.regex.Pattern containerPaths = java.util.regex.Pattern.compile(paths.keySet().stream()
                .sorted((a, b) -> b.length() - a.length()).map(java.util.regex.Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow() + "(?=/|\\b|$)");
        java.util.function.UnaryOperator<String> move = text -> containerPaths.matcher(text).replaceAll(
                r -> java.util.regex.Matcher.quoteReplacement(paths.get(r.group()).toString()));
        String script = move.apply(container.getArgs().getFirst());
        env.replaceAll((k, v) -> v.startsWith("/") ? move.apply(v) : v);
        env.put("PATH", path);
        List<String> command = new ArrayList<>(container.getCommand());
        command.set(0, Path.of(command.getFirst()).getFileName().toString()); // the host's sh or bash
        command.add(script);
        Path log = work.resolve(job.getMetadata().getName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Job " + job.getMetadata().getName() + " failed: " + Files.readString(log));
        }
        return mounts;
    }
}
