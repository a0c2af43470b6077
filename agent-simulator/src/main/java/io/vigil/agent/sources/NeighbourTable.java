package io.vigil.agent.sources;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the MAC address of a peer comes from. A MAC is only known for a peer on a directly attached network (the
 * kernel's neighbour table); a loopback peer has none, so MAC entries never match connections over loopback.
 */
@FunctionalInterface
public interface NeighbourTable {

    /** The MAC (lowercase, colon-separated) of a directly attached peer, if known. */
    Optional<String> macOf(InetAddress peer);

    NeighbourTable NONE = peer -> Optional.empty();

    /** Linux's IPv4 neighbour table, {@code /proc/net/arp} (IPv6 neighbours are not looked up). */
    static NeighbourTable linux() {
        Path arp = Path.of("/proc/net/arp");
        return peer -> {
            if (peer.isLoopbackAddress() || !Files.isReadable(arp)) {
                return Optional.empty();
            }
            try {
                return macIn(Files.readAllLines(arp), peer.getHostAddress());
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }

    /** The MAC of {@code ip} in the lines of {@code /proc/net/arp}. */
    static Optional<String> macIn(List<String> arpLines, String ip) {
        return arpLines.stream().skip(1).map(line -> line.trim().split("\\s+"))
                .filter(f -> f.length >= 4 && f[0].equals(ip) && !"00:00:00:00:00:00".equals(f[3]))
                .map(f -> f[3].toLowerCase(Locale.ROOT)).findFirst();
    }
}
