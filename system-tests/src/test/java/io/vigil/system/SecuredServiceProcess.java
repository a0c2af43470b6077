package io.vigil.system;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vigil.testkit.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One service as a process on ports of its own (so that many can run side by side), with its readiness document and
 * its log at hand. The application is taken from {@code <vigil.apps>/<service>/target/quarkus-app} ({@code vigil.apps}
 * defaults to the repository root).
 */
final class SecuredServiceProcess {

    /** The password given where a wrong one is wanted (never logged by a service). */
    static final String WRONG_PASSWORD = "not-the-password";

    private final ServiceProcess process;
    private final URI readiness;
    private final Path log;
    private Instant started;
    private volatile Duration answeredAfter;

    SecuredServiceProcess(Path root, String service, Map<String, String> environment, Path log) {
        Map<String, String> env = new HashMap<>(environment);
        int port = FreePorts.next();
        int health = port;
        switch (service) {
            case "heartbeat-gateway" -> {
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(port));
                health = FreePorts.next();
                env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(health));
            }
            case "policy-service", "agent-registry" -> {
                env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(FreePorts.next()));
            }
            default -> env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        }
        this.readiness = URI.create("http://127.0.0.1:" + health + "/q/health/ready");
        this.log = log;
        this.process = new ServiceProcess(service, jar(root, service), List.of(), env, readiness, log);
    }

    static Path jar(Path root, String service) {
        return Path.of(System.getProperty("vigil.apps", root.toString())).resolve(service)
                .resolve("target/quarkus-app/quarkus-run.jar");
    }

    void start() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        started = Instant.now();
        process.start();
    }

    /** The readiness document, or null while the service does not answer. */
    JsonPath readiness() {
        try {
            Response response = RestAssured.given().baseUri(readiness.toString()).get();
            if (response.statusCode() != 200 && response.statusCode() != 503) {
                return null;
            }
            if (answeredAfter == null) {
                answeredAfter = age();
            }
            return response.jsonPath();
        } catch (Exception e) { // not listening yet (RestAssured rethrows the ConnectException unchecked)
            return null;
        }
    }

    /** Settled: its readiness answers, or it has exited. */
    boolean settled() {
        return !alive() || readiness() != null;
    }

    /** How long after its start readiness first answered (null: not yet). */
    Duration answeredAfter() {
        return answeredAfter;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Duration age() {
        return Duration.between(started, Instant.now());
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.alive();
    }

    void signalStop() {
        process.signalStop();
    }

    void stop() {
        process.stop();
    }
}
