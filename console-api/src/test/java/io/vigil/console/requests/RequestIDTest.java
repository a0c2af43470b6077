package io.vigil.console.requests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIDTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "console-7f3a:42", "0b5c1e2a-9d7f-4c1b-8a3e-6f2d1c0b9a87", "~!#$%&*+/=?^_`{|}"})
    void aShortPrintableTokenIsKept(String presented) {
        assertThat(RequestID.accept(presented)).isEqualTo(presented);
    }

    @Test
    void sixtyFourCharactersAreKeptAndSixtyFiveReplaced() {
        assertThat(RequestID.accept("x".repeat(64))).isEqualTo("x".repeat(64));
        assertThat(RequestID.accept("x".repeat(65))).isNotEqualTo("x".repeat(65));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "line\nbreak", "tab\t", "nul\u0000", "del\u007f", "caf\u00e9",
            "\u2028"})
    void anythingElseIsReplacedByAFreshUuid(String presented) {
        String id = RequestID.accept(presented);

        assertThat(id).isNotEqualTo(presented);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @Test
    void withoutAnIdEachRequestGetsADifferentOne() {
        String first = RequestID.accept(null);
        String second = RequestID.accept(null);

        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(first).isNotEqualTo(second);
    }
}
