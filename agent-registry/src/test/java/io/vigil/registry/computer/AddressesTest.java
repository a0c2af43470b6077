package io.vigil.registry.computer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "255.255.255.255", "2001:db8::1", "::1", "fe80::1%eth0", "web-01",
            "web-01.example.com", "a.b.c."})
    void accepts(String address) {
        assertThat(Addresses.valid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "a b", "-web", "web_01", "1:2", "http://x", "web..example"})
    void refuses(String address) {
        assertThat(Addresses.valid(address)).isFalse();
    }
}
