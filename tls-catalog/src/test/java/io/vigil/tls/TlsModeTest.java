package io.vigil.tls;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsModeTest {

    private static final List<String> DEFAULT_TLS12 = List.of(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA");

    @Test
    void defaultModeIsTheContractRow() {
        assertThat(TlsMode.DEFAULT.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(TlsMode.DEFAULT.suites("TLSv1.3")).containsExactly("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384");
        assertThat(TlsMode.DEFAULT.suites("TLSv1.2")).containsExactlyElementsOf(DEFAULT_TLS12);
        assertThat(TlsMode.DEFAULT.suites("TLSv1")).isEmpty();
    }

    @Test
    void legacyModeAdds3desAndTls10() {
        assertThat(TlsMode.LEGACY.protocols()).containsExactly("TLSv1.3", "TLSv1.2", "TLSv1");
        assertThat(TlsMode.LEGACY.suites("TLSv1.2")).hasSize(10).startsWith(DEFAULT_TLS12.toArray(String[]::new))
                .endsWith("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(TlsMode.LEGACY.suites("TLSv1.0")).containsExactly("TLS_RSA_WITH_AES_256_CBC_SHA",
                "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(TlsMode.LEGACY.needsTls10()).isTrue();
        assertThat(TlsMode.LEGACY.needs3des()).isTrue();
    }

    @Test
    void strongAndFipsAreTls12Only() {
        assertThat(TlsMode.STRONG.protocols()).containsExactly("TLSv1.2");
        assertThat(TlsMode.STRONG.cipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        assertThat(TlsMode.STRONG.needsRsaKeyExchange()).isFalse();
        assertThat(TlsMode.FIPS.protocols()).containsExactly("TLSv1.2");
        assertThat(TlsMode.FIPS.cipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_RSA_WITH_AES_128_CBC_SHA256");
        assertThat(TlsMode.FIPS.needsRsaKeyExchange()).isTrue();
        assertThat(TlsMode.FIPS.needs3des()).isFalse();
    }

    @Test
    void noModeAcceptsTls11() {
        for (TlsMode mode : TlsMode.values()) {
            assertThat(mode.protocols()).doesNotContain("TLSv1.1");
            assertThat(mode.accepts("TLSv1.1", "TLS_RSA_WITH_AES_128_CBC_SHA")).isFalse();
        }
    }

    @Test
    void cipherSuitesListTls13First() {
        assertThat(TlsMode.LEGACY.cipherSuites()).hasSize(12).startsWith("TLS_AES_128_GCM_SHA256",
                "TLS_AES_256_GCM_SHA384");
    }

    @Test
    void configNamesAndJsseNames() {
        assertThat(TlsMode.fromConfig("FIPS")).isEqualTo(TlsMode.FIPS);
        assertThat(TlsMode.fromConfig(" legacy ")).isEqualTo(TlsMode.LEGACY);
        assertThatThrownBy(() -> TlsMode.fromConfig("weak")).hasMessageContaining("legacy, default, strong or fips");
        assertThat(Suites.jsseName("TLS_RSA_WITH_3DES_EDE_CBC_SHA")).isEqualTo("SSL_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(Suites.ianaName("SSL_RSA_WITH_3DES_EDE_CBC_SHA")).isEqualTo("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(TlsMode.LEGACY.accepts("TLSv1", "SSL_RSA_WITH_3DES_EDE_CBC_SHA")).isTrue();
        assertThat(Protocols.normalise("TLSv1.0")).isEqualTo("TLSv1");
    }
}
