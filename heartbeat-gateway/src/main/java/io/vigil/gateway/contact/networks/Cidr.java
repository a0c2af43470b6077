package io.vigil.gateway.contact.networks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}; a bare address is a /32 or /128).
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are IPv4 addresses, as the network stack treats them, so a
 * mapped network ({@code ::ffff:10.0.0.0/104}) is the IPv4 network it maps.
 *
 * @param network the network's address bytes (4 or 16), host bits cleared
 * @param prefix  the number of leading bits that name the network
 */
public record Cidr(byte[] network, int prefix) {

    /** Only literal addresses (never a host name, so parsing never asks DNS); IPv4 strictly dotted-decimal. */
    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    public Cidr {
        if (network.length != 4 && network.length != 16 || prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("bad network " + Arrays.toString(network) + "/" + prefix);
        }
        network = masked(network, prefix);
    }

    /** Parses {@code address/prefix} or a bare address; IllegalArgumentException naming the text otherwise. */
    public static Cidr parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean written6 = address.contains(":");
        if (!(written6 ? IPV6 : IPV4).matcher(address).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network (address/prefix)");
        }
        byte[] bytes;
        try {
            bytes = canonical(InetAddress.ofLiteral(address));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 network (address/prefix)");
        }
        int width = written6 ? 128 : 32;
        int prefix = width;
        if (slash >= 0) {
            String bits = trimmed.substring(slash + 1);
            if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > width) {
                throw new IllegalArgumentException("'" + text + "': the prefix must be 0 to " + width);
            }
            prefix = Integer.parseInt(bits);
        }
        if (written6 && bytes.length == 4) { // ::ffff:a.b.c.d/n is the IPv4 network a.b.c.d/(n-96)
            if (prefix < 96) {
                throw new IllegalArgumentException("'" + text + "': an IPv4-mapped network needs a prefix of 96 "
                        + "or more");
            }
            prefix -= 96;
        }
        return new Cidr(bytes, prefix);
    }

    /** The address bytes as the network stack uses them: 4 for IPv4 and IPv4-mapped IPv6, else 16. */
    public static byte[] canonical(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && Arrays.equals(bytes, 0, 12, MAPPED_PREFIX, 0, 12)) {
            return Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes;
    }

    public boolean contains(InetAddress address) {
        return contains(canonical(address));
    }

    /** Whether the address (canonical bytes) lies in this network; an address of the other family never does. */
    public boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(masked(address, prefix), network);
    }

    /** Whether every address of {@code other} lies in this network. */
    public boolean contains(Cidr other) {
        return other.network.length == network.length && other.prefix >= prefix && contains(other.network);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr other && prefix == other.prefix && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
