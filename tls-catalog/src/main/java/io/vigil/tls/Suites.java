package io.vigil.tls;

/** IANA names of every cipher suite the TLS modes and the agent release table mention. */
public final class Suites {

    public static final String AES_128_GCM_SHA256 = "TLS_AES_128_GCM_SHA256";
    public static final String AES_256_GCM_SHA384 = "TLS_AES_256_GCM_SHA384";

    public static final String ECDHE_RSA_AES_256_GCM_SHA384 = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
    public static final String ECDHE_RSA_AES_128_GCM_SHA256 = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    public static final String ECDHE_RSA_AES_256_CBC_SHA384 = "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384";
    public static final String ECDHE_RSA_AES_128_CBC_SHA256 = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";
    public static final String RSA_AES_256_CBC_SHA256 = "TLS_RSA_WITH_AES_256_CBC_SHA256";
    public static final String RSA_AES_128_GCM_SHA256 = "TLS_RSA_WITH_AES_128_GCM_SHA256";
    public static final String RSA_AES_128_CBC_SHA256 = "TLS_RSA_WITH_AES_128_CBC_SHA256";
    public static final String RSA_AES_256_CBC_SHA = "TLS_RSA_WITH_AES_256_CBC_SHA";
    public static final String RSA_AES_128_CBC_SHA = "TLS_RSA_WITH_AES_128_CBC_SHA";
    public static final String RSA_3DES_EDE_CBC_SHA = "TLS_RSA_WITH_3DES_EDE_CBC_SHA";

    private Suites() {
    }

    /** JSSE's name for a suite: 3DES is still registered under its SSL_ name. */
    public static String jsseName(String iana) {
        return RSA_3DES_EDE_CBC_SHA.equals(iana) ? "SSL_RSA_WITH_3DES_EDE_CBC_SHA" : iana;
    }

    /** The IANA name for a JSSE suite name. */
    public static String ianaName(String jsse) {
        return jsse != null && jsse.startsWith("SSL_") ? "TLS_" + jsse.substring(4) : jsse;
    }
}
