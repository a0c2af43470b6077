package io.vigil.agent.sources;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The agent's {@code listeningPortAllowedSources}: which peers may connect to its listening port. Entries are
 * {@code any}, an IPv4 or IPv6 address, a CIDR block, or a MAC address. An IPv4-mapped IPv6 peer counts as its IPv4
 * address. An empty list allows nobody.
 */
public final class AllowedSources {

    private static final Pattern MAC = Pattern.compile("(?i)^[0-9a-f]{2}([:-])[0-9a-f]{2}(\\1[0-9a-f]{2}){4}$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV6 = Pattern.compile("(?i)^[0-9a-f:.]*:[0-9a-f:.]*$");

    private sealed interface Entry permits AnySource, Block, Mac {
    }

    private record AnySource() implements Entry {
    }

    private record Block(byte[] network, int prefixLength) implements Entry {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private record Mac(String mac) implements Entry {
    }

    private final List<Entry> entries;

    private AllowedSources(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static final AllowedSources ANY = new AllowedSources(List.of(new AnySource()));

    /** Parses the entries; throws {@link IllegalArgumentException} naming the first entry that is none of the kinds. */
    public static AllowedSources parse(List<String> entries) {
        List<Entry> parsed = new ArrayList<>();
        for (String raw : entries) {
            parsed.add(entry(raw == null ? "" : raw.trim()));
        }
        return new AllowedSources(parsed);
    }

    public boolean allowsAny() {
        return entries.stream().anyMatch(AnySource.class::isInstance);
    }

    /** Whether a peer may connect; its MAC is looked up only when a MAC entry needs it. */
    public boolean allows(InetAddress peer, NeighbourTable neighbours) {
        byte[] address = unmapped(peer.getAddress());
        Optional<String> mac = null;
        for (Entry entry : entries) {
            switch (entry) {
                case AnySource any -> {
                    return true;
                }
                case Block block -> {
                    if (block.contains(address)) {
                        return true;
                    }
                }
                case Mac m -> {
                    if (mac == null) {
                        mac = neighbours.macOf(peer);
                    }
                    if (mac.isPresent() && mac.get().equals(m.mac())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Entry entry(String raw) {
        if (raw.equalsIgnoreCase("any")) {
            return new AnySource();
        }
        if (MAC.matcher(raw).matches()) {
            return new Mac(raw.toLowerCase(Locale.ROOT).replace('-', ':'));
        }
        int slash = raw.indexOf('/');
        String address = slash < 0 ? raw : raw.substring(0, slash);
        byte[] bytes = literal(address).orElseThrow(() -> invalid(raw));
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String length = raw.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > max) {
                throw invalid(raw);
            }
            prefix = Integer.parseInt(length);
        }
        return new Block(bytes, prefix);
    }

    /** The bytes of an IP literal (never a DNS lookup). */
    private static Optional<byte[]> literal(String address) {
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(unmapped(InetAddress.getByName("[" + address + "]").getAddress()));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] unmapped(byte[] address) {
        if (address.length == 16) {
            boolean mapped = address[10] == (byte) 0xff && address[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = address[i] == 0;
            }
            if (mapped) {
                return Arrays.copyOfRange(address, 12, 16);
            }
        }
        return address;
    }

    private static IllegalArgumentException invalid(String raw) {
        return new IllegalArgumentException("listeningPortAllowedSources entry '" + raw
                + "' is not 'any', an IPv4/IPv6 address, a CIDR block or a MAC address");
    }
}
