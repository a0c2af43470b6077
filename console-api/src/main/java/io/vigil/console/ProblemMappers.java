package io.vigil.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.vigil.console.rest.Violations;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps every failure to problem+json: never a stack trace, a class name or an HTML page. Typed request bodies and
 * parameters are refused here in one way for every service: a body Jackson cannot read names the member and what it
 * must be; a Bean Validation violation names the parameter or member with the constraint's message.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e.problem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Problem.InvalidParam param = switch (e) {
                case UnrecognizedPropertyException u -> new Problem.InvalidParam(field, "is not a known field", null,
                        known(u.getKnownPropertyIds()));
                case InvalidFormatException f -> new Problem.InvalidParam(field, reason(f.getTargetType()),
                        f.getValue() == null ? null : String.valueOf(f.getValue()), allowed(f.getTargetType()));
                case MismatchedInputException m when m.getOriginalMessage().startsWith("Missing required") ->
                        new Problem.InvalidParam(field, "is required");
                case MismatchedInputException m -> new Problem.InvalidParam(field, reason(m.getTargetType()), null,
                        allowed(m.getTargetType()));
                default -> new Problem.InvalidParam(field, "is invalid");
            };
            return Problems.response(Problem.invalid("field '" + field + "' " + param.reason(), List.of(param)));
        }
        if (e instanceof MismatchedInputException) {
            return Problems.response(Problem.invalid("the body must be a JSON object", List.of()));
        }
        return Problems.response(Problem.invalid("the body is not valid JSON", List.of()));
    }

    /** More specific than Quarkus's own mapper of this exception, which answers in another format. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Optional<Problem.InvalidParam>> params = e.getConstraintViolations().stream()
                .map(Violations::param).toList();
        if (params.isEmpty() || params.stream().anyMatch(Optional::isEmpty)) {
            return unexpected(e);
        }
        List<Problem.InvalidParam> invalid = params.stream().map(Optional::get)
                .sorted(Comparator.comparing(Problem.InvalidParam::name)).toList();
        return Problems.response(Problem.invalid(Violations.detail(invalid), invalid));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return Problems.response(Problem.of(status, slug(title), title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return Problems.response(Problem.of(500, "internal-error", "Internal error",
                "the request could not be completed"));
    }

    private static String reason(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "is not an allowed value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive() ? "must be an object"
                : "has the wrong type";
    }

    private static String allowed(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? null : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String slug(String title) {
        return title == null ? "error" : title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
