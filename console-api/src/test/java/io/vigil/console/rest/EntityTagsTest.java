package io.vigil.console.rest;

import io.vigil.console.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagsTest {

    private static final String CURRENT = EntityTags.of("{\"name\":\"web\"}");

    @Test
    void aTagIsAQuotedDigestOfTheState() {
        assertThat(CURRENT).matches("\"[0-9a-f]{32}\"");
        assertThat(EntityTags.of("{\"name\":\"web\"}")).isEqualTo(CURRENT);
        assertThat(EntityTags.of("{\"name\":\"db\"}")).isNotEqualTo(CURRENT);
    }

    @Test
    void matchesTheCurrentTagAnyOfAListOrTheWildcard() {
        assertThat(EntityTags.matches(CURRENT, CURRENT)).isTrue();
        assertThat(EntityTags.matches(" " + CURRENT + " ", CURRENT)).isTrue();
        assertThat(EntityTags.matches("\"0000\", " + CURRENT, CURRENT)).isTrue();
        assertThat(EntityTags.matches("*", CURRENT)).isTrue();
        assertThat(EntityTags.matches("\"0000\"", CURRENT)).isFalse();
    }

    @Test
    void aWeakTagNeverMatches() {
        assertThat(EntityTags.matches("W/" + CURRENT, CURRENT)).isFalse();
        assertThat(EntityTags.matches("W/" + CURRENT + ", " + CURRENT, CURRENT)).isTrue();
    }

    @Test
    void noHeaderIsAnUnconditionalWrite() {
        assertThatCode(() -> EntityTags.require(null, CURRENT)).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.require(CURRENT, CURRENT)).doesNotThrowAnyException();
    }

    @Test
    void aStaleTagIs412() {
        assertThatThrownBy(() -> EntityTags.require("\"0000\"", CURRENT)).isInstanceOfSatisfying(
                ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(412);
                    assertThat(e.problem().type()).endsWith("/precondition-failed");
                    assertThat(e.problem().detail()).contains("\"0000\"", CURRENT);
                });
    }

    @Test
    void aMalformedHeaderIs400NamingIt() {
        for (String bad : new String[]{"0000", "", "\"open", "\"a\" \"b\"", "\"a\";x"}) {
            assertThatThrownBy(() -> EntityTags.require(bad, CURRENT)).as(bad).isInstanceOfSatisfying(
                    ProblemException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(400);
                        assertThat(e.problem().invalidParams()).singleElement()
                                .satisfies(p -> assertThat(p.name()).isEqualTo("If-Match"));
                    });
        }
    }
}
