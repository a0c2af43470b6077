package io.vigil.console.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vigil.console.Problem;
import io.vigil.console.ids.AlertID;
import io.vigil.console.ids.PolicyID;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared typed edge: query parameters, path IDs and strict JSON name what is wrong. */
class TypedEdgeTest {

    record Body(String name, Long parentID) {
    }

    @SuppressWarnings("unused")
    void resource(@QueryParam("limit") Integer limit, @QueryParam("overrides") Boolean overrides,
                  @QueryParam("unit") TimeUnit unit) {
    }

    private static Annotation[] annotations(int index) throws NoSuchMethodException {
        return TypedEdgeTest.class.getDeclaredMethod("resource", Integer.class, Boolean.class, TimeUnit.class)
                .getParameterAnnotations()[index];
    }

    private static Problem problemOf(Throwable e) {
        return (Problem) ((WebApplicationException) e).getResponse().getEntity();
    }

    @Test
    void aQueryParameterThatDoesNotConvertIsA400NamingIt() throws Exception {
        ParamConverter<Integer> limit = new QueryParams().getConverter(Integer.class, Integer.class, annotations(0));
        assertThat(limit.fromString(" 7 ")).isEqualTo(7);
        assertThatThrownBy(() -> limit.fromString("x")).satisfies(e -> {
            assertThat(problemOf(e).status()).isEqualTo(400);
            assertThat(problemOf(e).invalidParams()).singleElement()
                    .isEqualTo(new Problem.InvalidParam("limit", "must be a whole number", "x", null));
        });
    }

    @Test
    void flagsAndEnumsConvertOrListWhatIsAllowed() throws Exception {
        ParamConverter<Boolean> flag = new QueryParams().getConverter(Boolean.class, Boolean.class, annotations(1));
        assertThat(flag.fromString("")).isTrue();
        assertThat(flag.fromString("FALSE")).isFalse();
        assertThatThrownBy(() -> flag.fromString("maybe"))
                .satisfies(e -> assertThat(problemOf(e).invalidParams().getFirst().name()).isEqualTo("overrides"));
        ParamConverter<TimeUnit> unit = new QueryParams().getConverter(TimeUnit.class, TimeUnit.class,
                annotations(2));
        assertThat(unit.fromString("seconds")).isEqualTo(TimeUnit.SECONDS);
        assertThatThrownBy(() -> unit.fromString("weeks")).satisfies(e -> assertThat(
                problemOf(e).invalidParams().getFirst().allowed()).startsWith("NANOSECONDS, MICROSECONDS"));
        assertThat(new QueryParams().getConverter(Integer.class, Integer.class, new Annotation[0])).isNull();
    }

    @Test
    void pathIdsThatAreNoIdsNameNoResourceOrAreRefused() {
        assertThat(PolicyID.fromString("7").value()).isEqualTo(7);
        for (String text : new String[]{"0", "-1", "abc", "1.5", "99999999999999999999"}) {
            assertThatThrownBy(() -> PolicyID.fromString(text))
                    .satisfies(e -> assertThat(problemOf(e).status()).isEqualTo(404));
            assertThatThrownBy(() -> AlertID.fromString(text)).satisfies(e -> {
                assertThat(problemOf(e).status()).isEqualTo(400);
                assertThat(problemOf(e).invalidParams().getFirst().name()).isEqualTo("alertID");
            });
        }
    }

    @Test
    void strictJsonCoercesNothingAndKnowsItsMembers() throws Exception {
        ObjectMapper strict = StrictJson.strict(new ObjectMapper());
        assertThat(strict.readValue("{\"name\":\"a\",\"parentID\":2}", Body.class)).isEqualTo(new Body("a", 2L));
        assertThatThrownBy(() -> strict.readValue("{\"name\":42}", Body.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> strict.readValue("{\"parentID\":1.5}", Body.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> strict.readValue("{\"parentID\":\"1\"}", Body.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
        assertThatThrownBy(() -> strict.readValue("{\"colour\":\"red\"}", Body.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
