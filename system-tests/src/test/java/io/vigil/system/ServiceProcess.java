package io.vigil.system;

import io.vigil.testkit.ContainerMode;
import io.vigil.testkit.TestJvm;
import io.vigil.testkit.containers.ServiceContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One Vigil service running on its own: a process from its packaged Quarkus application, or, when the system tests
 * run on containers ({@code -Dvigil.containers=true}, {@code -Pimages}), a container of its image
 * ({@link ServiceContainer}: user 185, read-only root, the same environment; the JVM options become
 * {@code JDK_JAVA_OPTIONS}). Either way {@link #kill()} is SIGKILL and {@link #stop()} SIGTERM.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final URI readiness;
    private final Path log;
    private Process process;
    private ServiceContainer container;

    ServiceProcess(String name, Path jar, List<String> jvmOptions, Map<String, String> environment, URI readiness,
                   Path log) {
        this.name = name;
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.readiness = readiness;
        this.log = log;
    }

    ServiceProcess start() {
        if (ContainerMode.enabled()) {
            container = new ServiceContainer(image(), name, options(), environment, log).start();
            return this;
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException(name + " is not packaged: " + jar);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        return this;
    }

    private List<String> options() {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        options.addAll(TestJvm.compilationOptions());
        options.addAll(jvmOptions);
        return options;
    }

    /** The service's image: the module the packaged application belongs to ({@code <module>/target/quarkus-app}). */
    private String image() {
        return jar.toAbsolutePath().getParent().getParent().getParent().getFileName().toString();
    }

    void awaitReady() {
        // as ./vigil up: 300 s, slow starts are not failures (five JVMs and Kafka starting together on a busy 2-core
        // machine took 150 s to start one of them)
        await(name + " ready (log: " + log + ")").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!alive()) {
                        throw new IllegalStateException(name + " exited: see " + log);
                    }
                    return ready();
                });
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends SIGTERM without waiting. */
    void signalStop() {
        if (container != null) {
            container.signalStop();
        }
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Stops gracefully (SIGTERM), as an orchestrator would. */
    void stop() {
        terminate(false);
    }

    /** Kills without warning (SIGKILL), as a crash would. */
    void kill() {
        terminate(true);
    }

    private void terminate(boolean force) {
        if (container != null) {
            if (force) {
                container.kill();
            } else {
                container.stop();
            }
            return;
        }
        if (process == null || !process.isAlive()) {
            return;
        }
        if (force) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        if (container != null) {
            return container.alive();
        }
        return process != null && process.isAlive();
    }

    /** The process ID, or -1 before the first start. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    String name() {
        return name;
    }
}
