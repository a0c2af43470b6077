package io.vigil.siem.format;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * RFC 5424 messages with RFC 6587 octet-counting framing (also the framing of RFC 5425 over TLS):
 * {@code <len> <PRI>1 TIMESTAMP HOSTNAME vigil - MSGID - CEF:0|...}. No BOM before the MSG: CEF parsers do not
 * expect one; the MSG is UTF-8.
 */
public final class Rfc5424 {

    public static final String APP_NAME = "vigil";

    private final int facility;
    private final String hostName;

    /**
     * @param facility syslog facility 0-23 (16 = local0)
     * @param hostName the HOSTNAME field: this manager's name
     */
    public Rfc5424(int facility, String hostName) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility must be 0-23, was " + facility);
        }
        this.facility = facility;
        this.hostName = headerField(hostName, 255);
    }

    /** The message without framing. */
    public String message(Outbound out) {
        int pri = facility * 8 + out.severity().syslog();
        String time = DateTimeFormatter.ISO_INSTANT.format(out.time().truncatedTo(ChronoUnit.MILLIS));
        return "<" + pri + ">1 " + time + " " + hostName + " " + APP_NAME + " - " + headerField(out.msgId(), 32)
                + " - " + out.cef();
    }

    /** The octet-counted frame: the byte length of the UTF-8 message, a space, the message. */
    public byte[] frame(Outbound out) {
        byte[] message = message(out).getBytes(StandardCharsets.UTF_8);
        byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(message, 0, frame, prefix.length, message.length);
        return frame;
    }

    /** A header field is 1-max printable US-ASCII characters without spaces; {@code -} means none. */
    static String headerField(String value, int max) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }
}
