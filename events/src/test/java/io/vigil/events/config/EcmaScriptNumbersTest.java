package io.vigil.events.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcmaScriptNumbersTest {

    /** The number samples of RFC 8785 Appendix B (IEEE 754 bits -> ECMAScript form). */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfc8785AppendixB(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(EcmaScriptNumbers.toString(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1", "600, 600", "-1, -1", "0.5, 0.5", "4.5, 4.5", "0.002, 0.002", "100, 100", "1e21, 1e+21",
            "1e20, 100000000000000000000", "123456789012345680000, 123456789012345680000", "1e-6, 0.000001",
            "1e-7, 1e-7", "1.5e-7, 1.5e-7", "0.1, 0.1", "0.30000000000000004, 0.30000000000000004",
            "1e30, 1e+30", "1e-27, 1e-27", "86400, 86400", "2.5e25, 2.5e+25", "-1.5e-10, -1.5e-10",
            "4.35, 4.35", "0.000123, 0.000123"
    })
    void plainAndExponentNotation(double value, String expected) {
        assertThat(EcmaScriptNumbers.toString(value)).isEqualTo(expected);
    }

    @Test
    void integersUpToTwoToThe53AreExact() {
        assertThat(EcmaScriptNumbers.toString(9007199254740991d)).isEqualTo("9007199254740991");
        assertThat(EcmaScriptNumbers.toString((double) Long.MAX_VALUE)).isEqualTo("9223372036854776000");
    }

    @Test
    void everyResultReadsBackAsTheSameDouble() {
        java.util.Random random = new java.util.Random(8785);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = EcmaScriptNumbers.toString(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0d : value);
            assertThat(text.replaceAll("e[+-]\\d+$", "").replace("-", "").replace(".", "")
                    .replaceAll("^0+", "").replaceAll("0+$", "").length()).as(text).isLessThanOrEqualTo(17);
        }
    }

    @Test
    void nanAndInfinityAreRefused() {
        assertThatThrownBy(() -> EcmaScriptNumbers.toString(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcmaScriptNumbers.toString(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcmaScriptNumbers.toString(Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
