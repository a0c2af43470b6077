package io.vigil.webconsole.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The console lives under {@code /console/} (one ingress rule for the page, its scripts and its stream). */
@Path("/")
public class RootRedirect {

    @GET
    public Response root() {
        return Response.seeOther(URI.create("/console/")).build();
    }

    @GET
    @Path("console")
    public Response console() {
        return Response.seeOther(URI.create("/console/")).build();
    }
}
