package io.vigil.testkit;

import io.vigil.testkit.secured.KafkaSecurity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in a child JVM, started from the Maven
 * Central jars that this module depends on. The classpath is written at build time to {@code vigil/kafka-classpath.txt}.
 * With a {@link KafkaSecurity} its one client listener is SASL_SSL with SCRAM users and ACLs; otherwise PLAINTEXT.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180); // a busy 2-core machine took over 60 s

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final KafkaSecurity security;
    private Process process;

    public KafkaBroker(Path dataDir, int port, int controllerPort, Path logFile) {
        this(dataDir, port, controllerPort, logFile, null);
    }

    /** A broker secured by {@code security} (null: plaintext). */
    public KafkaBroker(Path dataDir, int port, int controllerPort, Path logFile, KafkaSecurity security) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        this.security = security;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the log directory on first use (keeping its cluster id afterwards) and starts the broker. */
    public KafkaBroker start() {
        try {
            Files.createDirectories(dataDir);
            Path properties = writeProperties();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(),
                        "-c", properties.toString()));
                if (security != null) {
                    format.addAll(security.formatArguments());
                }
                run(format, dataDir.resolve("format.log"));
            }
            process = java(List.of("kafka.Kafka", properties.toString()), logFile).start();
            // ./vigil up stops a broker that outlived its LocalStack (killed with SIGKILL) by this file
            Files.writeString(pidFile(), process.pid() + "\n");
            awaitPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka in " + dataDir, e);
        }
    }

    private String clusterId() throws IOException {
        Path idFile = dataDir.resolve("cluster.id");
        if (Files.exists(idFile)) {
            return Files.readString(idFile).trim();
        }
        // A KRaft cluster id is 16 random bytes in URL-safe base64 without padding. One that starts with '-' would
        // be read as an option by the storage tool's command line, so draw again.
        String id;
        do {
            UUID uuid = UUID.randomUUID();
            var bytes = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        Files.writeString(idFile, id);
        return id;
    }

    private Path writeProperties() throws IOException {
        Path file = dataDir.resolve("server.properties");
        List<String> listeners = security != null ? security.brokerProperties(port, controllerPort) : List.of(
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT");
        String props = String.join("\n", listeners) + "\n" + String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=12",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.cleaner.backoff.ms=5000",
                "");
        Files.writeString(file, props);
        return file;
    }

    private void run(List<String> args, Path log) throws IOException {
        Process p = java(args, log).start();
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("Kafka " + args.getFirst() + " failed: see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static ProcessBuilder java(List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of("-Xms256m", "-Xmx768m", "-XX:+UseG1GC"));
        command.addAll(TestJvm.compilationOptions());
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                "-cp", classpath()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String classpath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/vigil/kafka-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("vigil/kafka-classpath.txt missing: build test-support first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPort() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + ": see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Waiting.pause(Duration.ofMillis(100));
            }
        }
        throw new IllegalStateException("Kafka did not open port " + port + " within " + START_TIMEOUT);
    }

    /** Sends a signal ({@code STOP}, {@code CONT}, ...) to the broker's process. */
    public void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed for the broker " + process.pid());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The broker's process id, while it runs: {@code kafka.pid} in its data directory. */
    public Path pidFile() {
        return dataDir.resolve("kafka.pid");
    }

    /** Stops the broker gracefully, then forcibly if it does not stop in 20 seconds. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
