package io.vigil.registry.computer;

import io.vigil.registry.web.Body;

import java.util.regex.Pattern;

/** Where the manager reaches an agent: an IPv4/IPv6 literal or a DNS name. */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]+)?");
    private static final Pattern DNS = Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

    private Addresses() {
    }

    public static boolean valid(String address) {
        if (address == null) {
            return false;
        }
        if (address.contains(":")) {
            return IPV6.matcher(address).matches() && address.chars().filter(ch -> ch == ':').count() >= 2;
        }
        if (address.matches("[0-9.]+")) {
            return IPV4.matcher(address).matches();
        }
        return DNS.matcher(address).matches();
    }

    /** Reads an address field, recording a problem if it is not an address. */
    public static String check(Body body, String field, boolean required) {
        String value = body.text(field, required, 253);
        if (value != null && !valid(value)) {
            return body.fail(field, "is not an IP address or host name", value, null);
        }
        return value;
    }
}
