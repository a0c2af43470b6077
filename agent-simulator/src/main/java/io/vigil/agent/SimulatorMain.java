package io.vigil.agent;

import io.vertx.core.Vertx;
import io.vigil.agent.tls.KeyMaterial;
import io.vigil.agent.tls.LegacyTls;
import io.vigil.agent.tls.TlsProfile;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent simulator's command line: creates an activation token when none is given, activates N agents and keeps
 * them running until stopped (Ctrl-C) or for {@code --duration}, logging one line per agent state change.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(CliOptions.USAGE);
            return;
        }
        CliOptions options;
        try {
            options = CliOptions.parse(arguments);
            AgentSettings.defaultVersion(options.release());
            List<String> lifted = LegacyTls.permit(List.of(TlsProfile.forRelease(options.release(),
                    options.tlsVariant())));
            if (!lifted.isEmpty()) {
                log("release " + options.release() + " needs " + lifted + ": lifted from jdk.tls.disabledAlgorithms");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("agent-simulator: " + e.getMessage());
            System.err.print(CliOptions.USAGE);
            System.exit(2);
            return;
        }
        String token = options.token();
        String ca = options.caSha256();
        if (token == null) {
            TokenClient.Token created = TokenClient.create(options.registry(), options.apiKey(), options.policyID(),
                    Math.max(options.count(), 1), Duration.ofSeconds(60));
            token = created.token();
            ca = created.managerCaSha256();
            log("created an activation token on " + options.registry() + " (CA " + ca + ")");
        }
        run(options, settings(options, token, ca));
    }

    private static void run(CliOptions options, List<AgentSettings> settings) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        Fleet fleet = new Fleet(vertx);
        CountDownLatch done = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            log("stopping " + fleet.agents().size() + " agents");
            fleet.stop(Duration.ofSeconds(10));
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
            done.countDown();
        }, "agent-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        log("starting " + settings.size() + " agents against " + options.gateway() + " (release "
                + options.release() + ", " + options.platform() + ")");
        if (options.statsSeconds() > 0) {
            long[] previous = {0, System.nanoTime()};
            vertx.setPeriodic(options.statsSeconds() * 1000, id -> {
                long now = System.nanoTime();
                long accepted = fleet.acceptedHeartbeats();
                double rate = (accepted - previous[0]) / ((now - previous[1]) / 1e9);
                previous[0] = accepted;
                previous[1] = now;
                log(String.format("fleet: %s, %d heartbeats accepted (%.1f/s), round trip p50 %.1f ms p99 %.1f ms",
                        fleet.states(), accepted, rate, fleet.roundTrips().percentileMillis(0.5),
                        fleet.roundTrips().percentileMillis(0.99)));
                fleet.roundTrips().reset();
            });
        }
        fleet.start(settings, options.activationRate(), change -> log(change.toString()));
        if (options.durationSeconds() > 0) {
            if (!done.await(options.durationSeconds(), TimeUnit.SECONDS)) {
                log(String.format("fleet after %d s: %s, %d heartbeats accepted", options.durationSeconds(),
                        fleet.states(), fleet.acceptedHeartbeats()));
                System.exit(0);
            }
        } else {
            done.await();
        }
    }

    static List<AgentSettings> settings(CliOptions o, String token, String ca) {
        KeyPair shared = o.sharedKey() ? KeyMaterial.newKeyPair() : null;
        List<AgentSettings> all = new ArrayList<>();
        for (int i = 1; i <= o.count(); i++) {
            AgentSettings.Builder b = AgentSettings.builder(o.gateway(), token, ca)
                    .hostName(o.hostPrefix() + i).platform(o.platform()).release(o.release())
                    .tlsVariant(o.tlsVariant()).agentVersion(o.agentVersion()).computerType(o.computerType())
                    .listen(o.listen()).listenHost(o.listenHost()).agentAddress(o.agentAddress())
                    .listeningPort(o.listenBasePort() == 0 ? 0 : o.listenBasePort() + i - 1)
                    .clockSkew(Duration.ofSeconds(o.clockSkewSeconds()));
            if (shared != null) {
                b.keyPairs(() -> shared);
            }
            all.add(b.build());
        }
        return all;
    }

    static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
