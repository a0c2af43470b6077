package io.vigil.webconsole.proxy;

import io.vigil.console.ApiKeyFilter;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.console.requests.RequestID;
import io.vigil.webconsole.ConsoleConfig;
import io.vigil.webconsole.web.QueryKeys;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Forwards {@code /api/...} to the console service that serves it ({@link ApiRoutes}), for a local run where the
 * page and the three services have different ports. The caller's {@code api-secret-key} header goes along (the
 * services check it again), and so do {@code If-Match} and this request's {@code X-Request-ID} on the way in and
 * {@code ETag} and {@code Link} on the way back (a next link is a path, valid on this origin); an API key in the query string is refused before anything is
 * forwarded. In Kubernetes
 * the ingress routes {@code /api} to the services itself and this forwarding is off.
 */
@Path("/api")
public class ApiProxy {

    /** The request headers of the console API: the key, content negotiation and the conditional writes. */
    private static final List<String> FORWARDED_HEADERS = List.of(ApiKeyFilter.HEADER, "Content-Type", "Accept",
            "If-Match");
    /** The answer headers of the console API: versions of a resource, the next page, when to retry. */
    private static final List<String> ANSWERED_HEADERS = List.of("Content-Type", "Retry-After", "ETag", "Link");

    private final ConsoleConfig.Proxy config;
    private final HttpClient http;

    public ApiProxy(ConsoleConfig config) {
        this.config = config.proxy();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @GET
    @Path("{path: .*}")
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", uri, headers, null);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", uri, headers, null);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", uri, headers, body);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", uri, headers, body);
    }

    private Response forward(String method, UriInfo uri, HttpHeaders headers, byte[] body) {
        QueryKeys.refuse(uri);
        String path = uri.getRequestUri().getRawPath();
        ApiRoutes.Upstream upstream = ApiRoutes.upstreamOf(path).filter(u -> config.enabled())
                .orElseThrow(() -> ProblemException.notFound("path", path));
        String query = uri.getRequestUri().getRawQuery();
        URI target = base(upstream).resolve(path + (query == null ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.timeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        String requestID = RequestID.current();
        if (requestID != null) {
            request.header(RequestID.HEADER, requestID); // one ID for the call in the console's and the service's logs
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable(upstream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(upstream);
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        for (String name : ANSWERED_HEADERS) {
            answer.headers().firstValue(name).ifPresent(v -> response.header(name, v));
        }
        // a Location names the service's own address: the page only needs its path, on this origin
        answer.headers().firstValue("Location").map(URI::create)
                .ifPresent(l -> response.header("Location", l.getRawPath()));
        return answer.body().length == 0 ? response.build() : response.entity(answer.body()).build();
    }

    private URI base(ApiRoutes.Upstream upstream) {
        return switch (upstream) {
            case POLICY_SERVICE -> config.policyService();
            case AGENT_REGISTRY -> config.agentRegistry();
            case ALERT_SERVICE -> config.alertService();
        };
    }

    private static ProblemException unavailable(ApiRoutes.Upstream upstream) {
        String service = upstream.name().toLowerCase().replace('_', '-');
        return new ProblemException(Problem.of(503, "dependency-unavailable", "Service unavailable",
                service + " does not answer"));
    }
}
