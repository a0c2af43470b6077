package io.vigil.events.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCanonicalizerTest {

    @Test
    void rfc8785MainExample() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        assertThat(JsonCanonicalizer.canonicalize(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void rfc8785SortingExampleOrdersByUtf16CodeUnits() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }""";
        String canonical = JsonCanonicalizer.canonicalize(input);
        assertThat(canonical).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void surrogatePairsSortBeforeHighBmpCharactersUnlikeCodePointOrder() {
        // U+1F600 is 0xD83D 0xDE00 in UTF-16, so it sorts before U+FB33 although its code point is larger.
        assertThat(JsonCanonicalizer.canonicalize("{\"\\ufb33\":1,\"\\ud83d\\ude00\":2}"))
                .isEqualTo("{\"\ud83d\ude00\":2,\"\ufb33\":1}");
    }

    @Test
    void nestedObjectsAreSortedRecursivelyAndArraysKeepTheirOrder() {
        assertThat(JsonCanonicalizer.canonicalize("{ \"b\" : [3, {\"z\":1,\"a\":2}, 1], \"a\" : {\"d\":{},\"c\":[]} }"))
                .isEqualTo("{\"a\":{\"c\":[],\"d\":{}},\"b\":[3,{\"a\":2,\"z\":1},1]}");
    }

    @Test
    void prefixKeysSortBeforeLongerKeys() {
        assertThat(JsonCanonicalizer.canonicalize("{\"ab\":1,\"a\":2,\"B\":3,\"\":4}"))
                .isEqualTo("{\"\":4,\"B\":3,\"a\":2,\"ab\":1}");
    }

    @Test
    void literalsAndScalarsAtTopLevel() {
        assertThat(JsonCanonicalizer.canonicalize("null")).isEqualTo("null");
        assertThat(JsonCanonicalizer.canonicalize("true")).isEqualTo("true");
        assertThat(JsonCanonicalizer.canonicalize("false")).isEqualTo("false");
        assertThat(JsonCanonicalizer.canonicalize(" \"x\" ")).isEqualTo("\"x\"");
        assertThat(JsonCanonicalizer.canonicalize("[]")).isEqualTo("[]");
        assertThat(JsonCanonicalizer.canonicalize("{}")).isEqualTo("{}");
        assertThat(JsonCanonicalizer.canonicalize((com.fasterxml.jackson.databind.JsonNode) null)).isEqualTo("null");
    }

    @Test
    void nullMembersAreKept() {
        assertThat(JsonCanonicalizer.canonicalize("{\"b\":null,\"a\":[null]}")).isEqualTo("{\"a\":[null],\"b\":null}");
    }

    @Test
    void numbersOfEveryNodeKindUseTheEcmaScriptForm() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        node.put("int", 600);
        node.put("long", 9007199254740993L);
        node.put("double", 1.0);
        node.put("float", 0.5f);
        node.set("big", f.numberNode(new BigDecimal("1E400").movePointLeft(390)));
        node.set("bigint", f.numberNode(new BigInteger("100000000000000000000000")));
        node.put("negzero", -0.0);
        assertThat(JsonCanonicalizer.canonicalize(node)).isEqualTo(
                "{\"big\":10000000000,\"bigint\":1e+23,\"double\":1,\"float\":0.5,\"int\":600,"
                        + "\"long\":9007199254740992,\"negzero\":0}");
    }

    @Test
    void numbersInTextKeepTheirDoubleValue() {
        assertThat(JsonCanonicalizer.canonicalize("[1.0, 1e0, 10E-1, -0, 0.0, 1E+2, 123456789012345678901234567890]"))
                .isEqualTo("[1,1,1,0,0,100,1.2345678901234568e+29]");
    }

    @Test
    void controlCharactersUseShortEscapesOrLowercaseUnicodeEscapes() {
        assertThat(JsonCanonicalizer.canonicalize("\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \\u007f\""))
                .isEqualTo("\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f \u007f\"");
    }

    @Test
    void nonAsciiIsWrittenLiterallyAndSolidusIsNotEscaped() {
        assertThat(JsonCanonicalizer.canonicalize("\"\\u00e9\\u4e2d\\ud83d\\ude00\\/<>&'\""))
                .isEqualTo("\"\u00e9\u4e2d\ud83d\ude00/<>&'\"");
    }

    @Test
    void quoteAndBackslashAreEscaped() {
        assertThat(JsonCanonicalizer.canonicalize("{\"a\\\"b\":\"c\\\\d\"}")).isEqualTo("{\"a\\\"b\":\"c\\\\d\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud83d\"", "\"\\ude00\"", "\"\\ude00\\ud83d\"", "{\"\\ud800x\":1}"})
    void loneSurrogatesAreRefused(String json) {
        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "1e400", "-1e400", "[1,", "{} {}", "NaN"})
    void nonIJsonInputIsRefused(String json) {
        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whitespaceIsRemoved() {
        assertThat(JsonCanonicalizer.canonicalize("\n{ \"a\" :\t[ 1 , 2 ] }\r\n")).isEqualTo("{\"a\":[1,2]}");
    }
}
