package io.vigil.siem.cef;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CefEscapingTest {

    @Test
    void headerEscapesPipesAndBackslashesAndNeverSpansLines() {
        assertThat(CefEscaping.header("a|b\\c")).isEqualTo("a\\|b\\\\c");
        assertThat(CefEscaping.header("\\|")).isEqualTo("\\\\\\|");
        assertThat(CefEscaping.header("line1\nline2\r\nline3\rend")).isEqualTo("line1 line2 line3 end");
        assertThat(CefEscaping.header("a=b")).isEqualTo("a=b");
    }

    @Test
    void extensionEscapesEqualsBackslashesAndLineBreaks() {
        assertThat(CefEscaping.extension("k=v")).isEqualTo("k\\=v");
        assertThat(CefEscaping.extension("C:\\temp\\")).isEqualTo("C:\\\\temp\\\\");
        assertThat(CefEscaping.extension("one\ntwo")).isEqualTo("one\\ntwo");
        assertThat(CefEscaping.extension("one\r\ntwo")).isEqualTo("one\\ntwo");
        assertThat(CefEscaping.extension("one\rtwo")).isEqualTo("one\\rtwo");
        assertThat(CefEscaping.extension("a|b")).isEqualTo("a|b");
    }

    @Test
    void hostileInjectionCannotForgeFieldsOrLines() {
        String hostile = "x dvchost=evil\\ act=cleared\n<13>1 forged|10|";
        String escaped = CefEscaping.extension(hostile);
        assertThat(escaped).isEqualTo("x dvchost\\=evil\\\\ act\\=cleared\\n<13>1 forged|10|");
        assertThat(escaped).doesNotContain("\n").doesNotContainPattern("(?<!\\\\)=");
        assertThat(CefEscaping.header("web|10|x\\")).isEqualTo("web\\|10\\|x\\\\");
    }

    @Test
    void nonAsciiPassesThroughAndOtherControlsBecomeSpaces() {
        assertThat(CefEscaping.extension("Größe 東京 😀")).isEqualTo("Größe 東京 😀");
        assertThat(CefEscaping.header("Größe|東京")).isEqualTo("Größe\\|東京");
        assertThat(CefEscaping.extension("a\u0000b\tc\u001bd\u0085e\u2028f")).isEqualTo("a b c d e f");
        assertThat(CefEscaping.header("a\u0000b\tc")).isEqualTo("a b c");
    }

    @Test
    void nullIsEmpty() {
        assertThat(CefEscaping.header(null)).isEmpty();
        assertThat(CefEscaping.extension(null)).isEmpty();
    }
}
