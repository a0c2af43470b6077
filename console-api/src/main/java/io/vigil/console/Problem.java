package io.vigil.console;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem; {@code invalidParams} names the
 * offending fields, settings or values for validation errors.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://vigil.io/problems/";

    /** One offending input: its name, why it was refused, and (where useful) the value given and what is allowed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InvalidParam(String name, String reason, String value, String allowed) {
        public InvalidParam(String name, String reason) {
            this(name, reason, null, null);
        }
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(BASE + slug, title, status, detail, List.of());
    }

    public static Problem invalid(String detail, List<InvalidParam> params) {
        return new Problem(BASE + "invalid-request", "Invalid request", 400, detail, List.copyOf(params));
    }
}
