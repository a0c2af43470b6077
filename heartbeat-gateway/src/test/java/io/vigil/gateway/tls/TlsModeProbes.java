package io.vigil.gateway.tls;

import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.tls.Protocols;
import io.vigil.tls.Suites;
import io.vigil.tls.TlsMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's TLS table for one mode, proven with nmap, openssl and gnutls-cli against a running gateway. */
abstract class TlsModeProbes {

    abstract TlsMode mode();

    /** The agent port under test: the @QuarkusTest app's, unless a subclass probes another gateway. */
    int agentPort() {
        return GatewayTestResources.agentPort();
    }

    @Test
    void nmapFindsExactlyTheContractTableInPreferenceOrder() {
        assertThat(ExternalProbes.nmap(agentPort())).isEqualTo(ExternalProbes.table(mode()));
    }

    @Test
    void opensslNegotiatesEveryListedSuiteAndNoTls11() {
        int port = agentPort();
        for (String protocol : mode().protocols()) {
            for (String suite : mode().suites(protocol)) {
                if (!suite.equals(Suites.RSA_3DES_EDE_CBC_SHA)) { // Debian's OpenSSL has no 3DES: gnutls below
                    assertThat(ExternalProbes.openssl(port, protocol, suite)).as(protocol + " " + suite).isTrue();
                }
            }
        }
        assertThat(ExternalProbes.openssl(port, "TLSv1.1", "ALL")).as("TLS 1.1").isFalse();
        if (!mode().protocols().contains(Protocols.TLS13)) {
            assertThat(ExternalProbes.openssl(port, Protocols.TLS13, Suites.AES_128_GCM_SHA256)).as("TLS 1.3").isFalse();
        }
        if (!mode().suites(Protocols.TLS12).contains(Suites.RSA_AES_128_CBC_SHA)) {
            assertThat(ExternalProbes.openssl(port, Protocols.TLS12, Suites.RSA_AES_128_CBC_SHA)).isFalse();
        }
        assertThat(ExternalProbes.openssl(port, Protocols.TLS12, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"))
                .as("a suite no mode lists").isFalse();
    }

    @Test
    void gnutlsNegotiates3desExactlyWhereTheModeListsIt() {
        int port = agentPort();
        assertThat(ExternalProbes.gnutls3des(port, "VERS-TLS1.0"))
                .isEqualTo(mode().accepts(Protocols.TLS10, Suites.RSA_3DES_EDE_CBC_SHA));
        assertThat(ExternalProbes.gnutls3des(port, "VERS-TLS1.2"))
                .isEqualTo(mode().accepts(Protocols.TLS12, Suites.RSA_3DES_EDE_CBC_SHA));
    }
}
