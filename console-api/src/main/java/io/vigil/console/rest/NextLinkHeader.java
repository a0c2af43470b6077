package io.vigil.console.rest;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every {@link PagedList} answer with a next page also says so in the header {@code Link: <next>; rel="next"}. */
public class NextLinkHeader {

    @ServerResponseFilter
    public void addLink(ContainerResponseContext response) {
        if (response.getEntity() instanceof PagedList list && list.next() != null) {
            response.getHeaders().add(HttpHeaders.LINK, "<" + list.next() + ">; rel=\"next\"");
        }
    }
}
