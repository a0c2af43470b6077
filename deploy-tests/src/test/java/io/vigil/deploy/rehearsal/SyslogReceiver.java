package io.vigil.deploy.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslogd (Debian package {@code rsyslog}) as the SIEM's receiver: in the foreground with its own configuration,
 * unprivileged, plain TCP ({@code imtcp}) on one port of every address, each message's raw text appended to a file.
 */
final class SyslogReceiver implements AutoCloseable {

    private final Path dir;
    private final Process process;

    private SyslogReceiver(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    static SyslogReceiver start(Path dir, int port) throws IOException {
        Files.createDirectories(dir.resolve("work"));
        Path conf = dir.resolve("rsyslog.conf");
        Files.writeString(conf, """
                global(workDirectory="%1$s/work" maxMessageSize="64k")
                module(load="imtcp")
                template(name="raw" type="string" string="%%rawmsg%%\\n")
                ruleset(name="siem") { action(type="omfile" file="%1$s/received.log" template="raw") }
                input(type="imtcp" address="127.0.0.1" port="%2$d" ruleset="siem")
                """.formatted(dir, port));
        Path rsyslogd = Path.of("/usr/sbin/rsyslogd");
        if (!Files.isExecutable(rsyslogd)) {
            throw new IllegalStateException("rsyslogd not found: apt-get install rsyslog (./vigil test installs it)");
        }
        Process process = new ProcessBuilder(rsyslogd.toString(), "-n", "-f", conf.toString(), "-i",
                dir.resolve("rsyslogd.pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        return new SyslogReceiver(dir, process);
    }

    List<String> received() {
        Path file = dir.resolve("received.log");
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
