package io.vigil.gateway.activation;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.gateway.Fields;
import io.vigil.gateway.ca.CertificateRequests;

import java.util.Set;
import java.util.regex.Pattern;

/** Validates an activation body; every offending field is named in one 400 problem. */
public final class ActivationRequests {

    public static final int DEFAULT_LISTENING_PORT = 4118;
    static final Set<String> COMPUTER_TYPES = Set.of("physical", "virtual-machine", "appliance");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9._-]{0,252}[A-Za-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ActivationRequests() {
    }

    public static ActivationRequest validate(JsonNode body, String sourceAddress) {
        Fields fields = new Fields();
        if (body == null || !body.isObject()) {
            fields.invalid("body", "must be a JSON object");
            fields.throwIfInvalid();
        }
        String token = fields.string(body, "token", "token", true, 512);
        String hostName = fields.string(body, "hostName", "hostName", true, 254);
        if (hostName != null && !HOST_NAME.matcher(hostName).matches()) {
            fields.invalid("hostName", "must be a host name or address (letters, digits, '.', '-', '_')");
        }
        String platform = fields.string(body, "platform", "platform", true, 128);
        String agentVersion = fields.string(body, "agentVersion", "agentVersion", true, 64);
        String agentRelease = fields.string(body, "agentRelease", "agentRelease", false, 64);
        String type = fields.oneOf(body, "computerType", "computerType", false, COMPUTER_TYPES);
        Long port = fields.integer(body, "listeningPort", "listeningPort", false, 1, 65535);
        String address = fields.string(body, "agentAddress", "agentAddress", false, 254);
        if (address != null && !isAddress(address)) {
            fields.invalid("agentAddress", "must be an IPv4 or IPv6 address or a host name");
        }
        String csr = fields.string(body, "csr", "csr", true, 16_384);
        if (csr != null) {
            try {
                CertificateRequests.publicKey(csr);
            } catch (IllegalArgumentException e) {
                fields.invalid("csr", e.getMessage());
            }
        }
        fields.throwIfInvalid();
        return new ActivationRequest(token, hostName, platform, agentVersion, agentRelease,
                type == null ? "physical" : type, port == null ? DEFAULT_LISTENING_PORT : port.intValue(),
                address == null ? sourceAddress : address, csr);
    }

    static boolean isAddress(String value) {
        return IPV4.matcher(value).matches() || value.contains(":") && IPV6.matcher(value).matches()
                || HOST_NAME.matcher(value).matches() && !value.matches("[0-9.]+");
    }
}
