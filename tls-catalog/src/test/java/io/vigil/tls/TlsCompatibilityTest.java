package io.vigil.tls;

import io.vigil.tls.TlsCompatibility.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TlsCompatibilityTest {

    @ParameterizedTest(name = "{0} in mode {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "9.5, default, CUT_OFF",
            "9.5, legacy, COMPATIBLE",
            "9.5 SP1 P3 U3, default, COMPATIBLE",
            "9.5 SP1 P3 U3, strong, CUT_OFF",
            "10.0 U15, fips, COMPATIBLE",
            "10.0 U15, strong, CUT_OFF",
            "10.0 U16, strong, COMPATIBLE",
            "10.3, default, UNKNOWN",
            "12.5, strong, UNKNOWN",
            "11.0 U4, strong, COMPATIBLE",
            "11.0 U6, strong, COMPATIBLE",
            "10.0 U16, default, COMPATIBLE",
            "11.0 U6, default, COMPATIBLE",
            "20, fips, COMPATIBLE",
            "9.6 P2, default, CUT_OFF",
            "9.6 P2, legacy, COMPATIBLE",
            "11.0 U5, default, UNKNOWN"})
    void judgedByTheReleaseTable(String release, String mode, Status expected) {
        assertThat(TlsCompatibility.judge(TlsMode.fromConfig(mode), release, null, null, null).status())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "20, strong, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, COMPATIBLE",
            "10.0 U16, strong, TLSv1.2, TLS_RSA_WITH_AES_256_CBC_SHA256, COMPATIBLE",
            "10.0 U16, strong, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, COMPATIBLE"})
    void lastSeenTlsPicksTheCryptoSetting(String release, String mode, String protocol, String suite, Status expected) {
        assertThat(TlsCompatibility.judge(TlsMode.fromConfig(mode), release, null, protocol, suite).status())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "20.0.1-3445, -, -, strong, COMPATIBLE",
            "-, TLSv1, TLS_RSA_WITH_AES_128_CBC_SHA, default, CUT_OFF",
            "-, -, -, default, UNKNOWN",
            "10.0.0-1, TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256, strong, CUT_OFF",
            "10.0.0-1, TLSv1.2, TLS_RSA_WITH_AES_128_CBC_SHA256, fips, COMPATIBLE",
            "10.0.0-1, -, -, fips, UNKNOWN"})
    void withoutReleaseTheVersionThenTheLastTlsDecide(String version, String protocol, String suite, String mode,
                                                      Status expected) {
        TlsCompatibility.Verdict verdict = TlsCompatibility.judge(TlsMode.fromConfig(mode), null, version, protocol,
                suite);
        assertThat(verdict.status()).isEqualTo(expected);
        assertThat(verdict.reason()).isNotBlank();
    }
}
