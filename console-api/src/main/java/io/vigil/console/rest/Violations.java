package io.vigil.console.rest;

import io.vigil.console.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names a Bean Validation violation of a resource method the way a client wrote it: a query or path parameter by its
 * HTTP name ({@code limit}), a body member by its JSON path ({@code policySettings.x.value}); the body itself is
 * {@code body}. The violation's message is the reason; scalar values are echoed; size and range limits are the
 * allowed values.
 */
public final class Violations {

    private Violations() {
    }

    /** The offending input, or empty when the violation is the platform's fault (a return value). */
    public static Optional<Problem.InvalidParam> param(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        String name;
        Path.Node first = nodes.hasNext() ? nodes.next() : null;
        if (first != null && first.getKind() == ElementKind.METHOD) {
            Path.Node second = nodes.hasNext() ? nodes.next() : null;
            if (second == null || second.getKind() != ElementKind.PARAMETER) {
                return Optional.empty();
            }
            Annotation[] annotations = parameterAnnotations(violation.getRootBeanClass(),
                    first.as(Path.MethodNode.class), second.as(Path.ParameterNode.class).getParameterIndex());
            name = httpName(annotations);
            if (name == null && has(annotations, BeanParam.class) && nodes.hasNext()) {
                name = beanParamName(violation.getLeafBean(), nodes.next().getName());
            }
            if (name == null) {
                name = jsonPath(nodes, "body");
            }
        } else {
            name = jsonPath(violation.getPropertyPath().iterator(), "body");
        }
        return Optional.of(new Problem.InvalidParam(name, violation.getMessage(), value(violation.getInvalidValue()),
                allowed(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        violation.getConstraintDescriptor().getAttributes())));
    }

    private static String jsonPath(Iterator<Path.Node> nodes, String root) {
        StringBuilder path = new StringBuilder();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.isInIterable()) {
                path.append(node.getKey() != null ? "." + node.getKey() : "[" + node.getIndex() + "]");
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                path.append('.').append(node.getName());
            }
        }
        return path.isEmpty() ? root : path.substring(path.charAt(0) == '.' ? 1 : 0);
    }

    private static Annotation[] parameterAnnotations(Class<?> type, Path.MethodNode method, int index) {
        // an intercepted resource is a generated subclass whose overriding method has no parameter annotations
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method.getName())
                        && Arrays.equals(m.getParameterTypes(), method.getParameterTypes().toArray())
                        && m.getParameterAnnotations()[index].length > 0) {
                    return m.getParameterAnnotations()[index];
                }
            }
        }
        return new Annotation[0];
    }

    private static String beanParamName(Object bean, String field) {
        for (Class<?> c = bean == null ? null : bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                String name = httpName(f.getAnnotations());
                return name != null ? name : field;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return field;
    }

    private static String httpName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            switch (a) {
                case QueryParam q -> { return q.value(); }
                case PathParam p -> { return p.value(); }
                case HeaderParam h -> { return h.value(); }
                case RestQuery q -> { return q.value(); }
                case RestPath p -> { return p.value(); }
                default -> { }
            }
        }
        return null;
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        return Arrays.stream(annotations).anyMatch(type::isInstance);
    }

    private static String value(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum
                ? String.valueOf(value) : null;
    }

    private static String allowed(String constraint, Map<String, Object> attributes) {
        Object min = attributes.get("min");
        Object max = attributes.get("max");
        Object value = attributes.get("value");
        if (min == null && max == null) {
            return switch (constraint) {
                case "Min", "DecimalMin" -> value + "..";
                case "Max", "DecimalMax" -> ".." + value;
                case "Positive" -> "1..";
                case "PositiveOrZero" -> "0..";
                default -> null;
            };
        }
        boolean unbounded = max == null || max.equals(Integer.MAX_VALUE) || max.equals(Long.MAX_VALUE);
        return unbounded ? min + ".." : (min == null ? "0" : min) + " to " + max;
    }

    /** The detail line of a problem listing {@code params}. */
    public static String detail(List<Problem.InvalidParam> params) {
        return String.join("; ", params.stream().map(p -> p.name() + ": " + p.reason()).toList());
    }
}
