package io.vigil.gateway.activation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AddressFailuresTest {

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 409})
    void theAgentsOwnMistakesCount(int status) {
        assertThat(AddressFailures.counts(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 404, 413, 429, 500, 502, 503, 504})
    void thePlatformsTroubleNeverCounts(int status) {
        assertThat(AddressFailures.counts(status)).isFalse();
    }
}
