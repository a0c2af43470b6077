package io.vigil.webconsole.stream;

import io.smallrye.mutiny.Multi;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.webconsole.ConsoleConfig;
import io.vigil.webconsole.web.QueryKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;

/**
 * {@code GET /console/stream}: the live events of the console as Server-Sent Events ({@code ready} first, then
 * {@code computer-status} and {@code alert} as they happen on the public topics, {@code keep-alive} when idle). The
 * page reads it with {@code fetch()}, so the key travels in the {@code api-secret-key} header like every console
 * call and never in the URL: any query parameter is refused (400), a missing or wrong key is 401, both as
 * problem+json. A read-only key may watch.
 */
@Path("/console/stream")
public class StreamResource {

    private final FeedService feed;
    private final ApiKeyFilter keys;
    private final Duration keepAlive;

    public StreamResource(FeedService feed, ApiKeyFilter keys, ConsoleConfig config) {
        this.feed = feed;
        this.keys = keys;
        this.keepAlive = config.stream().keepAlive();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@HeaderParam(ApiKeyFilter.HEADER) String key, @Context UriInfo uri,
                                          @Context Sse sse) {
        QueryKeys.refuse(uri);
        if (!uri.getQueryParameters().isEmpty()) {
            String name = uri.getQueryParameters().keySet().stream().sorted().findFirst().orElseThrow();
            throw ProblemException.invalid(name, "is not a parameter of the stream", null, "none");
        }
        if (keys.authenticate(key).isEmpty()) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "a valid " + ApiKeyFilter.HEADER + " header is required"));
        }
        if (feed.hub().full()) {
            throw new ProblemException(Problem.of(503, "too-many-streams", "Service unavailable",
                    "too many open streams: try again later"));
        }
        Multi<ConsoleEvent> events = feed.hub().stream();
        Multi<ConsoleEvent> ticks = Multi.createFrom().ticks().every(keepAlive).map(t -> ConsoleEvent.KEEP_ALIVE);
        return Multi.createBy().merging().streams(events, ticks)
                .map(e -> sse.newEventBuilder().name(e.name()).data(e.json())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).build());
    }
}
