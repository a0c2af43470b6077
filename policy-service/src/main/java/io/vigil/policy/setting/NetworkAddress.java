package io.vigil.policy.setting;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One entry of the listening-port source list: an IPv4 or IPv6 address or CIDR block, or a MAC address. Entries
 * compare by kind (IPv4, IPv6, MAC), then by address bytes, then by prefix length.
 *
 * @param prefix the CIDR prefix length; the full length for a single address, -1 for a MAC
 */
public record NetworkAddress(Kind kind, byte[] bytes, int prefix) implements Comparable<NetworkAddress> {

    public enum Kind { IPV4, IPV6, MAC }

    private static final Pattern IPV4 = Pattern.compile("^(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}$");
    private static final Pattern MAC = Pattern.compile(
            "^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\\1[0-9a-fA-F]{2}){4}$");
    private static final Pattern PREFIX = Pattern.compile("^(0|[1-9]\\d{0,2})$");

    /** Parses one entry; throws {@link IllegalArgumentException} naming the entry. */
    public static NetworkAddress parse(String entry) {
        int slash = entry.indexOf('/');
        if (slash >= 0) {
            return cidr(entry, entry.substring(0, slash), entry.substring(slash + 1));
        }
        if (IPV4.matcher(entry).matches()) {
            return new NetworkAddress(Kind.IPV4, ipv4(entry), 32);
        }
        if (MAC.matcher(entry).matches()) {
            return new NetworkAddress(Kind.MAC, HexFormat.of().parseHex(entry.replaceAll("[:-]", "")), -1);
        }
        if (entry.indexOf(':') >= 0) {
            return new NetworkAddress(Kind.IPV6, Ipv6.parse(entry), 128);
        }
        throw new IllegalArgumentException("\"" + entry + "\" is not an IP address, CIDR block or MAC address");
    }

    private static NetworkAddress cidr(String entry, String address, String prefixText) {
        byte[] bytes;
        Kind kind;
        if (IPV4.matcher(address).matches()) {
            bytes = ipv4(address);
            kind = Kind.IPV4;
        } else if (address.indexOf(':') >= 0) {
            bytes = Ipv6.parse(address);
            kind = Kind.IPV6;
        } else {
            throw new IllegalArgumentException("\"" + entry + "\" is not a CIDR block");
        }
        int max = bytes.length * 8;
        if (!PREFIX.matcher(prefixText).matches() || Integer.parseInt(prefixText) > max) {
            throw new IllegalArgumentException("\"" + entry + "\" has a prefix length outside 0 to " + max);
        }
        int prefix = Integer.parseInt(prefixText);
        return new NetworkAddress(kind, mask(bytes, prefix), prefix);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                throw new IllegalArgumentException("\"" + text + "\" is not an IPv4 address");
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    /** The network address of a block: host bits cleared. */
    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] masked = bytes.clone();
        for (int bit = prefix; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    /** The normalised text: dotted IPv4, RFC 5952 IPv6, lowercase colon-separated MAC; {@code /n} for blocks. */
    public String text() {
        String address = switch (kind) {
            case IPV4 -> (bytes[0] & 0xFF) + "." + (bytes[1] & 0xFF) + "." + (bytes[2] & 0xFF) + "." + (bytes[3] & 0xFF);
            case IPV6 -> Ipv6.format(bytes);
            case MAC -> HexFormat.ofDelimiter(":").formatHex(bytes).toLowerCase(Locale.ROOT);
        };
        return kind == Kind.MAC || prefix == bytes.length * 8 ? address : address + "/" + prefix;
    }

    @Override
    public int compareTo(NetworkAddress other) {
        int byKind = kind.compareTo(other.kind);
        if (byKind != 0) {
            return byKind;
        }
        int byBytes = Arrays.compareUnsigned(bytes, other.bytes);
        return byBytes != 0 ? byBytes : Integer.compare(prefix, other.prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkAddress a && kind == a.kind && prefix == a.prefix && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(bytes)) + prefix;
    }

    @Override
    public String toString() {
        return text();
    }
}
