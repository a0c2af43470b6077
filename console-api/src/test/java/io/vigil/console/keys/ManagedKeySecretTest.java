package io.vigil.console.keys;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedKeySecretTest {

    @Test
    void aSecretNamesItsKeyAndCarries256RandomBits() {
        String secret = ManagedKeySecret.generate(42);
        assertThat(secret).matches("vk\\.42\\.[A-Za-z0-9_-]{43}");
        assertThat(ManagedKeySecret.idOf(secret)).hasValue(42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(ManagedKeySecret.generate(1))).isTrue();
        }
        assertThatThrownBy(() -> ManagedKeySecret.generate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheManagedFormNamesAKey() {
        assertThat(ManagedKeySecret.idOf("vk.9.abc")).hasValue(9);
        assertThat(ManagedKeySecret.idOf(null)).isEmpty();
        assertThat(ManagedKeySecret.idOf("some-bootstrap-key")).isEmpty();
        assertThat(ManagedKeySecret.idOf("vk..abc")).isEmpty();
        assertThat(ManagedKeySecret.idOf("vk.0.abc")).isEmpty();
        assertThat(ManagedKeySecret.idOf("vk.-1.abc")).isEmpty();
        assertThat(ManagedKeySecret.idOf("vk.1x.abc")).isEmpty();
        assertThat(ManagedKeySecret.idOf("vk.12")).isEmpty();
        assertThat(ManagedKeySecret.idOf("vk.12.")).isEmpty();
        assertThat(ManagedKeySecret.idOf("vk.1234567890123456789.abc")).isEmpty();
    }

    @Test
    void theStoredFormIsTheHexSha256OfTheWholeSecret() {
        // the FIPS 180-2 example: SHA-256("abc")
        assertThat(ManagedKeySecret.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ManagedKeySecret.hash("vk.1.a")).hasSize(64).isNotEqualTo(ManagedKeySecret.hash("vk.1.b"));
    }
}
