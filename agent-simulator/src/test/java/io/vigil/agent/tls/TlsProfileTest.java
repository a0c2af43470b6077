package io.vigil.agent.tls;

import io.vigil.tls.Suites;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsProfileTest {

    @Test
    void release20SpeaksTls12WithTheStrongSuites() {
        TlsProfile profile = TlsProfile.forRelease("20", null);

        assertThat(profile.protocols()).containsExactly("TLSv1.2");
        assertThat(profile.suites()).containsExactly(Suites.ECDHE_RSA_AES_256_GCM_SHA384,
                Suites.ECDHE_RSA_AES_128_GCM_SHA256, Suites.ECDHE_RSA_AES_256_CBC_SHA384,
                Suites.ECDHE_RSA_AES_128_CBC_SHA256);
        assertThat(profile.usesRsaKeyExchange()).isFalse();
    }

    @Test
    void oldReleasesNeedWhatTheJdkDisables() {
        TlsProfile old = TlsProfile.forRelease("9.5 SP1", "standard");

        assertThat(old.protocols()).containsExactly("TLSv1");
        assertThat(old.jsseSuites()).contains("SSL_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(LegacyTls.needed(List.of(old))).containsExactly("TLSv1", "3DES_EDE_CBC", "TLS_RSA_*");
        assertThat(LegacyTls.needed(List.of(TlsProfile.forRelease("20", "fips")))).containsExactly("TLS_RSA_*");
        assertThat(LegacyTls.needed(List.of(TlsProfile.forRelease("20", "standard")))).isEmpty();
    }

    @Test
    void variantsAndUnknownReleasesAreChecked() {
        assertThat(TlsProfile.forRelease("10.0 U16", "strong").variant()).isEqualTo("strong");
        assertThatThrownBy(() -> TlsProfile.forRelease("10.0 U3", "strong"))
                .hasMessageContaining("no 'strong' crypto setting");
        assertThatThrownBy(() -> TlsProfile.forRelease("8.0", null))
                .hasMessageContaining("not in the agent release table");
        assertThat(TlsProfile.jdkDefaults().protocols()).isEmpty();
    }

    @Test
    void legacyEntriesAreParsedFromTheSecurityProperty() {
        assertThat(LegacyTls.entries("SSLv3, TLSv1,\n    TLS_RSA_*")).containsExactly("SSLv3", "TLSv1", "TLS_RSA_*");
        assertThat(LegacyTls.entries(null)).isEmpty();
    }
}
