package io.vigil.gateway.tls;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;

import javax.crypto.KeyAgreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The native provider comes first where it loads, and serves what JSSE's handshakes and the CA ask for. */
class NativeCryptoTest {

    private static final String NATIVE_PROVIDER = "AmazonCorrettoCryptoProvider";

    @Test
    void nativeCryptographyIsTheJvmsFirstProviderAndServesTheHandshakesPrimitives() throws Exception {
        NativeCrypto.Outcome outcome = NativeCrypto.install(NativeCrypto.NATIVE);

        assertThat(outcome.installed()).as(outcome.description()).isTrue();
        assertThat(outcome.description()).matches("native cryptography first: " + NATIVE_PROVIDER
                + " \\d+\\.\\d+\\.\\d+ \\(AWS-LC v\\d+\\.\\d+\\.\\d+\\)");
        assertThat(NativeCrypto.active()).isTrue();
        assertThat(Security.getProviders()[0].getName()).isEqualTo(NATIVE_PROVIDER);
        assertThat(Signature.getInstance("RSASSA-PSS").getProvider().getName())
                .as("TLS 1.3's and 1.2's server signature").isEqualTo(NATIVE_PROVIDER);
        assertThat(Signature.getInstance("SHA256withRSA").getProvider().getName())
                .as("the CA's certificate signature").isEqualTo(NATIVE_PROVIDER);
        assertThat(KeyAgreement.getInstance("ECDH").getProvider().getName()).isEqualTo(NATIVE_PROVIDER);
        assertThat(KeyPairGenerator.getInstance("XDH").getProvider().getName())
                .as("what the native provider lacks stays with the JDK").isEqualTo("SunEC");
    }

    @Test
    void installingTwiceKeepsOneProviderFirst() {
        NativeCrypto.install(NativeCrypto.NATIVE);
        NativeCrypto.install(" Native ");

        assertThat(Security.getProviders()).filteredOn(p -> p.getName().equals(NATIVE_PROVIDER)).hasSize(1);
        assertThat(NativeCrypto.outcome().installed()).isTrue();
    }

    @Test
    void jdkLeavesTheProvidersAloneAndSaysSo() {
        NativeCrypto.Outcome outcome = NativeCrypto.install("jdk");

        assertThat(outcome.installed()).isFalse();
        assertThat(outcome.description()).isEqualTo("JDK cryptography (vigil.gateway.tls.crypto=jdk)");
        assertThat(NativeCrypto.outcome()).isEqualTo(outcome);
    }

    @Test
    void anUnknownChoiceIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> NativeCrypto.install("openssl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vigil.gateway.tls.crypto must be 'native' or 'jdk', not 'openssl'");
    }
}
