package io.vigil.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the agent release table, at its first and last release, and the releases between the rows. */
class AgentReleasesTest {

    @ParameterizedTest(name = "{0} speaks {1} with {2}")
    @CsvSource(delimiter = ';', value = {
            "9.5; TLSv1; TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA",
            "9.5 SP1; TLSv1; TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA TLS_RSA_WITH_3DES_EDE_CBC_SHA",
            "9.5 SP1 P3 U2; TLSv1; TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA TLS_RSA_WITH_3DES_EDE_CBC_SHA",
            "9.5 SP1 P3 U3; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA",
            "9.5 SP1 P3 U8; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA",
            "9.6; TLSv1; TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA",
            "9.6 P1; TLSv1; TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA",
            "9.6 P2; TLSv1; TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA TLS_RSA_WITH_3DES_EDE_CBC_SHA",
            "9.6 SP1 P1 U4; TLSv1; TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA TLS_RSA_WITH_3DES_EDE_CBC_SHA",
            "9.6 SP1 P1 U5; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA",
            "9.6 SP1 P1 U21; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_GCM_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA TLS_RSA_WITH_AES_128_CBC_SHA",
            "10.0; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256",
            "10.0 U15; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256",
            "10.0 U16; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "10.0 U30; TLSv1.2; TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "11.0; TLSv1.2; TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256",
            "11.0 U4; TLSv1.2; TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256",
            "11.0 U30; TLSv1.2; TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "11.0 U6; TLSv1.2; TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "12.0; TLSv1.2; TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "20; TLSv1.2; TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "20.0 LTS; TLSv1.2; TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"})
    void standardSuitesOfEveryRow(String release, String protocol, String suites) {
        AgentTls standard = AgentReleases.forRelease(release).orElseThrow().variants().getFirst();
        assertThat(standard.variant()).isEqualTo("standard");
        assertThat(standard.protocols()).containsExactly(protocol);
        assertThat(standard.suites()).containsExactly(suites.split(" "));
    }

    @Test
    void tenZeroUpdateSixteenAndLaterRow() {
        ReleaseLine line = AgentReleases.forRelease("10.0 U16").orElseThrow();
        assertThat(line.name()).isEqualTo("10.0 U16 and later");
        assertThat(line.variants()).extracting(AgentTls::variant).containsExactly("standard", "strong");
        assertThat(line.variants().getFirst().suites()).hasSize(6)
                .containsAll(line.variants().get(1).suites())
                .contains(Suites.RSA_AES_256_CBC_SHA256, Suites.RSA_AES_128_CBC_SHA256);
        assertThat(line.variants().get(1).suites()).hasSize(4).allMatch(s -> s.startsWith("TLS_ECDHE_RSA_"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "10.0 U16; strong; TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "10.0 U30; strong; TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "11.0 U6; fips; TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256",
            "12.0; fips; TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256",
            "20; fips; TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 TLS_RSA_WITH_AES_256_CBC_SHA256 TLS_RSA_WITH_AES_128_CBC_SHA256"})
    void alternativeCryptoSettings(String release, String variant, String suites) {
        AgentTls alternative = AgentReleases.forRelease(release).orElseThrow().variants().get(1);
        assertThat(alternative.variant()).isEqualTo(variant);
        assertThat(alternative.suites()).containsExactly(suites.split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.0 U5", "9.5 SP1 P3 U9", "9.4", "21", "", "ten",
            // between the rows: after a row's last release and before the next row's first
            "9.5 P2 U3", "9.5 U1", "9.5 SP2", "9.6 P1 U3", "9.6 SP1 P1 U22", "9.6 SP2", "10.1", "10.3", "11.1",
            "11.3", "12.5", "15", "19", "20.1"})
    void releasesTheTableDoesNotListAreUnknown(String release) {
        assertThat(AgentReleases.forRelease(release)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"20.0.1-3445; 20", "12.0.0-100; 12.0"})
    void unambiguousMajorVersionsDecide(String version, String line) {
        assertThat(AgentReleases.forAgentVersion(version)).get().extracting(ReleaseLine::name).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0-1234", "11.0.0-99", "9.6.2-1", "9.5.3-1", "10.3.0-1", "12.5.0-1"})
    void ambiguousMajorVersionsDoNotDecide(String version) {
        assertThat(AgentReleases.forAgentVersion(version)).isEmpty();
    }
}
