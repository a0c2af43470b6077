package io.vigil.gateway.bench;

import io.vigil.gateway.support.GatewayProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Full TLS handshakes against the gateway with {@code openssl s_time -new}, and OpenSSL's own RSA sign rate. */
final class Handshakes {

    private static final Pattern CONNECTIONS = Pattern.compile("(\\d+) connections in [0-9.]+ real seconds");
    private static final int CLIENTS = 2;

    private Handshakes() {
    }

    /** One measurement: its report line and the full handshakes per gateway CPU-second. */
    record Result(String line, double perCpuSecond) {
    }

    static String measure(GatewayProcess gateway, String label, int seconds, String... options) throws Exception {
        return run(gateway, label, seconds, options).line();
    }

    static Result run(GatewayProcess gateway, String label, int seconds, String... options) throws Exception {
        List<Process> clients = new ArrayList<>();
        double cpu0 = gateway.cpuSeconds();
        long t0 = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            List<String> command = new ArrayList<>(List.of("openssl", "s_time", "-connect",
                    "127.0.0.1:" + gateway.agentPort, "-new", "-time", Integer.toString(seconds)));
            command.addAll(List.of(options));
            clients.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        long handshakes = 0;
        for (Process client : clients) {
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            client.waitFor();
            Matcher matcher = CONNECTIONS.matcher(output);
            if (!matcher.find()) {
                throw new IllegalStateException("unexpected s_time output: " + output);
            }
            handshakes += Long.parseLong(matcher.group(1));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = gateway.cpuSeconds() - cpu0;
        return new Result(String.format(Locale.ROOT, "full handshakes, %s (%d openssl s_time -new clients, %d s): "
                        + "%.0f/s, gateway CPU %.2f s = %.0f full handshakes per server CPU-second",
                label, CLIENTS, seconds, handshakes / wall, cpu, handshakes / cpu), handshakes / cpu);
    }

    static double opensslRsaSignsPerSecond() throws IOException, InterruptedException {
        Process speed = new ProcessBuilder("openssl", "speed", "-seconds", "3", "rsa2048").redirectErrorStream(true)
                .start();
        String output = new String(speed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        speed.waitFor();
        for (String line : output.split("\n")) {
            String[] tokens = line.trim().split("\\s+");
            if (tokens.length >= 6 && tokens[0].equals("rsa") && tokens[1].equals("2048")) {
                return Double.parseDouble(tokens[tokens.length - 2]);
            }
        }
        throw new IllegalStateException("unexpected openssl speed output: " + output);
    }
}
