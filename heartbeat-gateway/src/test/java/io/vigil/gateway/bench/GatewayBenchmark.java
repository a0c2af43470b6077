package io.vigil.gateway.bench;

import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.gateway.ca.Pem;
import io.vigil.gateway.support.GatewayProcess;
import io.vigil.testkit.Infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Not a test: {@code ./mvnw -pl heartbeat-gateway -Pbench verify -DskipTests}. Starts Kafka (test-support) and the
 * packaged gateway as a separate process, then prints (1) heartbeats per second through the gateway to Kafka
 * (acks=all) over kept-alive connections and (2) full TLS handshakes per gateway CPU-second (CPU from /proc, clients
 * {@code openssl s_time -new}), beside one-core {@code openssl speed rsa2048} signs per second from the same run.
 * Properties: {@code bench.connections} (32), {@code bench.seconds} (20), {@code bench.target} (target).
 */
public final class GatewayBenchmark {

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(System.getProperty("bench.target", "target")).toAbsolutePath();
        Path jar = target.resolve("quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the module first");
        }
        int connections = Integer.getInteger("bench.connections", 32);
        int seconds = Integer.getInteger("bench.seconds", 20);
        System.out.printf("load average before: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        String bootstrap = Infrastructure.shared().bootstrapServers();
        Path caDir = target.resolve("bench-ca");
        new CaDirectory(caDir).initialise();
        CertificateAuthority ca = new CaDirectory(caDir).load();
        List<String> report = new ArrayList<>();
        Path cert = target.resolve("bench-agent.pem");
        Path key = target.resolve("bench-agent.key");
        KeyPair keys = CertificateAuthority.rsaKeyPair(2048);
        X509Certificate leaf = ca.issue(keys.getPublic(), "computer-1", CertificateNames.computer(1), List.of(),
                CertificateAuthority.newSerial(), Instant.now().plus(1, ChronoUnit.DAYS));
        Files.writeString(cert, Pem.chain(List.of(leaf, ca.certificate())));
        Files.writeString(key, Pem.encode(keys.getPrivate()));
        int handshakeSeconds = Math.max(5, seconds / 2);
        List<Double> ratesPerCpuSecond = new ArrayList<>();
        for (ModeProbe mode : ModeProbe.MEASURED) {
            try (GatewayProcess gateway = GatewayProcess.start(jar, target, caDir, bootstrap, mode.mode(),
                    jvmOptions(target, mode.mode()))) {
                if (mode == ModeProbe.MEASURED.getFirst()) {
                    report.add(heartbeats(gateway, ca, connections, seconds));
                }
                Handshakes.measure(gateway, "warm-up (JIT of the RSA and ECDHE paths)", 10, mode.options());
                Handshakes.Result server = Handshakes.run(gateway, mode + ", server auth only", handshakeSeconds,
                        mode.options());
                report.add(server.line());
                ratesPerCpuSecond.add(server.perCpuSecond());
                report.add(Handshakes.measure(gateway, mode + ", agent client certificate", handshakeSeconds,
                        mode.with("-cert", cert.toString(), "-key", key.toString())));
            }
        }
        double signs = Handshakes.opensslRsaSignsPerSecond();
        System.out.println();
        System.out.println("=== GatewayBenchmark (2-core machine shared with other builds: numbers vary with load)");
        report.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "openssl speed -seconds 3 rsa2048 (one core): %.0f signs/s; 35%% = %.0f%n",
                signs, signs * 0.35);
        for (int i = 0; i < ModeProbe.MEASURED.size(); i++) {
            System.out.printf(Locale.ROOT, "mode %s: full handshakes per gateway CPU-second / one-core RSA signs per "
                    + "second = %.1f%%%n", ModeProbe.MEASURED.get(i), 100 * ratesPerCpuSecond.get(i) / signs);
        }
        System.out.printf("load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0); // stops the test infrastructure through its shutdown hook
    }

    /**
     * A heartbeat budget per computer that admits the load (each connection beats as fast as it is answered; the
     * guard's default of 5 per interval answers nearly all of it 429); with {@code -Dbench.jfr=true} also a CPU
     * profile of the gateway in {@code target/bench-gateway-<mode>.jfr}.
     */
    private static List<String> jvmOptions(Path target, String mode) {
        List<String> options = new ArrayList<>(List.of("-Dvigil.gateway.guard.heartbeats-per-interval=100000000"));
        if (Boolean.getBoolean("bench.jfr")) {
            options.add("-XX:StartFlightRecording=filename=" + target.resolve("bench-gateway-" + mode + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    private static String heartbeats(GatewayProcess gateway, CertificateAuthority ca, int connections, int seconds)
            throws Exception {
        HeartbeatLoad load = new HeartbeatLoad(ca, gateway.agentPort, connections);
        load.start();
        Thread.sleep(Math.max(15_000, seconds * 1000L)); // warm-up: JIT (C2), connections, Kafka batches
        long ok0 = load.ok.get();
        long failed0 = load.failed.get();
        double cpu0 = gateway.cpuSeconds();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long ok = load.ok.get() - ok0;
        long failed = load.failed.get() - failed0;
        double cpu = gateway.cpuSeconds() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e9;
        load.stop();
        return String.format(Locale.ROOT, "heartbeats (%d kept-alive connections, %d s): %.0f/s recorded in Kafka "
                        + "(acks=all), %d failed; gateway CPU %.2f cores = %.0f heartbeats per CPU-second",
                connections, seconds, ok / wall, failed, cpu / wall, ok / cpu);
    }
}
