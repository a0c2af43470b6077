package io.vigil.registry.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalTest {

    @Test
    void equalStringsShareOneInstance() {
        String a = new String("Online-canonical-test");
        String b = new String("Online-canonical-test");
        assertThat(Canonical.of(a)).isSameAs(Canonical.of(b)).isEqualTo(a);
        assertThat(Canonical.of(null)).isNull();
    }
}
