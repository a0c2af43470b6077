package io.vigil.webconsole.stream;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness {@code console-stream}: UP while the feed reads every partition of the console's topics. */
@Readiness
@ApplicationScoped
public class StreamReadiness implements HealthCheck {

    private final FeedService feed;

    public StreamReadiness(FeedService feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("console-stream").status(feed.reading())
                .withData("topics", String.join(",", FeedService.topics())).build();
    }
}
