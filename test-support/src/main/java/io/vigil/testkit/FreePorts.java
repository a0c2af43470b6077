package io.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for test infrastructure that a process will bind later (a Kafka broker, a service, a replica).
 *
 * <p>Taken below the kernel's ephemeral range ({@code net.ipv4.ip_local_port_range}), not from it: a port the kernel
 * hands out for {@code bind(0)} comes from that range, and between this check and the real bind any outgoing
 * connection on the machine may take it as its source port (a full run saw a secured Kafka broker fail with "Address
 * already in use" seconds after its port was chosen, while the platform's containers held thousands of connections).
 * Below the range only another listener can take a port. Each port is checked bindable and handed out once per JVM;
 * other JVMs pick at random from the same 20,000 or so, so they rarely meet.
 */
public final class FreePorts {

    /** The lowest port handed out: clear of the well-known and most registered server ports. */
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        int ephemeralLow = ephemeralLow(readRange());
        for (int attempt = 0; attempt < 1_000 && ephemeralLow - LOWEST >= 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralLow);
            if (bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        return kernelChosen(); // no room below the range (or all taken): as before
    }

    /**
     * The first port of the ephemeral range from the file's {@code "<low>\t<high>"}; 32768 (Linux's default) when
     * the file is missing or unreadable.
     */
    static int ephemeralLow(String range) {
        if (range != null) {
            String[] bounds = range.trim().split("\\s+");
            if (bounds.length == 2 && bounds[0].matches("\\d{1,5}")) {
                return Integer.parseInt(bounds[0]);
            }
        }
        return 32_768;
    }

    private static String readRange() {
        try {
            return Files.readString(EPHEMERAL_RANGE);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Free on every address now (a listener on the wildcard address or on loopback would refuse this bind). */
    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChosen() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
