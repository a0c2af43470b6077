package io.vigil.tls;

/** Protocol names as JSSE spells them (TLS 1.0 is {@code TLSv1}; {@code TLSv1.0} is silently ignored by JSSE). */
public final class Protocols {

    public static final String TLS13 = "TLSv1.3";
    public static final String TLS12 = "TLSv1.2";
    public static final String TLS10 = "TLSv1";

    private Protocols() {
    }

    /** Accepts the spellings agents and tools report ({@code TLSv1.0}, {@code TLS1.2}, ...). */
    public static String normalise(String protocol) {
        if (protocol == null) {
            return null;
        }
        String p = protocol.trim().replace("TLSv", "").replace("TLS", "").trim();
        return switch (p) {
            case "1.3" -> TLS13;
            case "1.2" -> TLS12;
            case "1", "1.0" -> TLS10;
            default -> protocol;
        };
    }
}
