package io.vigil.console.rest;

import org.jboss.resteasy.reactive.RestResponse;

/** An answer with the version of the resource it shows: its body and its {@code ETag} header. */
public record Versioned<T>(T body, String etag) {

    public RestResponse<T> ok() {
        return RestResponse.ResponseBuilder.ok(body).header("ETag", etag).build();
    }

    public <U> Versioned<U> with(U other) {
        return new Versioned<>(other, etag);
    }
}
