package io.vigil.registry.activation;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.registry.computer.Addresses;
import io.vigil.registry.web.Body;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /internal/activations} from the gateway, validated. {@code agentAddress} defaults to
 * {@code sourceAddress}; {@code certificateExpiresAt} is RFC 3339 or epoch milliseconds. Unknown members are ignored
 * (an internal API between services that evolve additively).
 */
public record ActivationRequest(String token, String hostName, String platform, String agentVersion,
                                String agentRelease, String computerType, int listeningPort, String agentAddress,
                                String sourceAddress, String certificateSerial, long certificateExpiresAtMs) {

    public static final List<String> COMPUTER_TYPES = List.of("physical", "virtual-machine", "appliance");
    public static final int DEFAULT_PORT = 4118;

    public static ActivationRequest parse(JsonNode json) {
        Body body = Body.lenient(json);
        String token = body.text("token", true, 256);
        String hostName = body.text("hostName", true, 253);
        String platform = body.text("platform", true, 200);
        String agentVersion = body.text("agentVersion", true, 100);
        String agentRelease = body.text("agentRelease", false, 100);
        String computerType = body.oneOf("computerType", true, COMPUTER_TYPES);
        Integer port = body.intValue("listeningPort", false, 1, 65535);
        String agentAddress = Addresses.check(body, "agentAddress", false);
        String sourceAddress = Addresses.check(body, "sourceAddress", agentAddress == null);
        String serial = certificateSerial(body);
        Long expiresAt = certificateExpiresAt(body, "certificateExpiresAt");
        body.validate();
        return new ActivationRequest(token, hostName, platform, agentVersion, agentRelease, computerType,
                port == null ? DEFAULT_PORT : port, agentAddress != null ? agentAddress : sourceAddress,
                sourceAddress, serial, expiresAt);
    }

    static String certificateSerial(Body body) {
        String serial = body.text("certificateSerial", true, 64);
        if (serial != null && !serial.matches("[0-9A-Fa-f:]+")) {
            return body.fail("certificateSerial", "must be hexadecimal", serial, null);
        }
        return serial == null ? null : serial.replace(":", "").toLowerCase(Locale.ROOT);
    }

    /** RFC 3339 text, or a whole number of epoch milliseconds. */
    static Long certificateExpiresAt(Body body, String field) {
        JsonNode value = body.raw(field);
        if (value == null) {
            return body.fail(field, "is required", null, null);
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return OffsetDateTime.parse(value.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(value.asText()).toEpochMilli();
                } catch (DateTimeParseException ignored) {
                    // reported below
                }
            }
        }
        return body.fail(field, "must be an RFC 3339 time or epoch milliseconds", value.toString(), null);
    }
}
