package io.vigil.siem.it;

import io.vigil.testkit.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real rsyslogd (Debian package {@code rsyslog} + {@code rsyslog-openssl}) in the foreground, unprivileged config on
 * loopback: {@code imtcp} for plain TCP and a TLS input ({@code ossl} driver, a certificate made with openssl), each
 * writing {@code %rawmsg%} to its own file. Its state lives in a directory named by system properties, so the test
 * and the Quarkus test resource find the same server whatever class loader they run in; stop and start go by PID.
 */
public final class RsyslogServer {

    private static final String DIR_PROPERTY = "vigil.test.rsyslog.dir";

    private final Path dir;
    private final int tcpPort;
    private final int tlsPort;

    private RsyslogServer(Path dir, int tcpPort, int tlsPort) {
        this.dir = dir;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
    }

    /** The server of this JVM, created (not started) on first use. */
    public static synchronized RsyslogServer shared() {
        try {
            String existing = System.getProperty(DIR_PROPERTY);
            if (existing != null) {
                Path dir = Path.of(existing);
                List<String> ports = Files.readAllLines(dir.resolve("ports"));
                return new RsyslogServer(dir, Integer.parseInt(ports.get(0)), Integer.parseInt(ports.get(1)));
            }
            Path dir = Files.createTempDirectory("vigil-rsyslog-");
            RsyslogServer server = new RsyslogServer(dir, FreePorts.next(), FreePorts.next());
            server.configure();
            Files.writeString(dir.resolve("ports"), server.tcpPort + "\n" + server.tlsPort + "\n");
            System.setProperty(DIR_PROPERTY, dir.toString());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (server.running()) {
                    server.stop();
                }
            }, "rsyslog-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void configure() throws IOException {
        Files.createDirectories(dir.resolve("work"));
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", dir.resolve("server.key").toString(), "-out", certificate().toString(), "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"));
        String config = """
                global(workDirectory="%1$s/work" maxMessageSize="64k")
                main_queue(queue.timeoutShutdown="10000")
                module(load="imtcp")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                ruleset(name="tcp") { action(type="omfile" file="%1$s/tcp.log" template="raw") }
                ruleset(name="tls") { action(type="omfile" file="%1$s/tls.log" template="raw") }
                input(type="imtcp" address="127.0.0.1" port="%2$d" ruleset="tcp")
                input(type="imtcp" address="127.0.0.1" port="%3$d" ruleset="tls" streamDriver.name="ossl"
                      streamDriver.mode="1" streamDriver.authMode="anon" streamDriver.cafile="%4$s"
                      streamDriver.certfile="%4$s" streamDriver.keyfile="%1$s/server.key")
                """.formatted(dir, tcpPort, tlsPort, certificate());
        Files.writeString(dir.resolve("rsyslog.conf"), config);
        run(List.of(rsyslogd(), "-N1", "-f", dir.resolve("rsyslog.conf").toString()));
    }

    public void start() {
        try {
            Files.deleteIfExists(dir.resolve("pid"));
            new ProcessBuilder(rsyslogd(), "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i",
                    dir.resolve("pid").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("rsyslogd.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await("rsyslogd listening").atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(dir.resolve("pid")) && listening(tcpPort) && listening(tlsPort));
    }

    /** SIGTERM by PID, then waits until it exited (it writes out what it had taken first). */
    public void stop() {
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                process.destroy();
                process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
            Files.deleteIfExists(dir.resolve("pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean running() {
        return Files.exists(dir.resolve("pid"));
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public Path certificate() {
        return dir.resolve("server.pem");
    }

    public List<String> tcpLines() {
        return lines(dir.resolve("tcp.log"));
    }

    public List<String> tlsLines() {
        return lines(dir.resolve("tls.log"));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String rsyslogd() {
        for (String candidate : List.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("rsyslogd not found: apt-get install rsyslog rsyslog-openssl "
                + "(./vigil test installs them)");
    }

    private void run(List<String> command) throws IOException {
        Path log = dir.resolve("setup.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
