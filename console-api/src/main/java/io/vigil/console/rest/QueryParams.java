package io.vigil.console.rest;

import io.vigil.console.Problem;
import io.vigil.console.Problems;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Typed query parameters ({@code Integer}, {@code Long}, {@code Boolean} and their primitives): a value that does not
 * convert is a 400 naming the parameter (JAX-RS alone would answer 404). Ranges are Bean Validation constraints on the
 * parameter. A flag given without a value ({@code ?overrides}) is {@code true}. An enum parameter accepts the
 * {@code toString()} of its constants, ignoring case, and a refusal lists them.
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(name, "must be a whole number", Long::valueOf);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "must be a whole number", Integer::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(name, "must be true or false", QueryParams::flag);
        }
        if (rawType.isEnum()) {
            return converter(name, "is not an allowed value", text -> constant(rawType, text), allowed(rawType));
        }
        return null;
    }

    private static <T> T constant(Class<T> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.toString().equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(text));
    }

    private static String allowed(Class<?> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
    }

    private static <T> ParamConverter<T> converter(String name, String reason, Function<String, T> parse) {
        return converter(name, reason, parse, null);
    }

    private static <T> ParamConverter<T> converter(String name, String reason, Function<String, T> parse,
                                                   String allowed) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw Problems.webError(Problem.invalid("query parameter " + name + " " + reason,
                            List.of(new Problem.InvalidParam(name, reason, value, allowed))));
                }
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    private static Boolean flag(String text) {
        if (text.isEmpty() || text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(text);
    }

    static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations == null ? new Annotation[0] : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof RestQuery q) {
                return q.value();
            }
        }
        return null;
    }
}
