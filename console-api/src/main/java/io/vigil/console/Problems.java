package io.vigil.console;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The problem as a {@link WebApplicationException}, for code that JAX-RS runs before a resource method (parameter
     * converters): JAX-RS passes it through as it is, where any other exception there would become a bare 404.
     */
    public static WebApplicationException webError(Problem problem) {
        return new WebApplicationException(problem.detail(), response(problem));
    }
}
