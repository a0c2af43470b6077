package io.vigil.gateway.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vigil.console.Problem;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.gateway.tls.SessionIdentity;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.OptionalLong;

/**
 * Guards on the agent port, run as Vert.x routes after the body limit (BodyLimit) and before the resources:
 * <ul>
 * <li>until the computers' state has been read (revocations included), every agent request gets 503 +
 * {@code Retry-After} instead of being judged on an incomplete view;</li>
 * <li>a request without a client certificate (activation) may carry at most {@code unauthenticated-body-bytes};</li>
 * <li>each computer (named by its certificate) may send {@code heartbeats-per-interval} heartbeats per interval,
 * counted over at least {@code heartbeat-window-minimum} ({@link HeartbeatAllowance}), then 429 +
 * {@code Retry-After}.</li>
 * </ul>
 * The head and body deadlines (slow senders) are kept per connection, on every path, by {@link RequestDeadlines}.
 */
@ApplicationScoped
public class AgentGuard {

    private static final Problem STARTING = Problem.of(503, "gateway-starting", "Service unavailable",
            "the gateway is still reading the computers' state; retry later");

    private final GuardConfig config;
    private final StateProgress state;
    private final ComputerDirectory directory;
    private final RateBudget heartbeats;
    private final Counter refusedStarting;
    private final Counter refusedRate;
    private final Counter refusedBody;

    public AgentGuard(GuardConfig config, StateProgress state, ComputerDirectory directory, MeterRegistry metrics) {
        this.config = config;
        this.state = state;
        this.directory = directory;
        this.heartbeats = new RateBudget(config.heartbeatsPerInterval(), System::nanoTime);
        this.refusedStarting = refused(metrics, "starting");
        this.refusedRate = refused(metrics, "heartbeat-rate");
        this.refusedBody = refused(metrics, "unauthenticated-body");
        metrics.gauge("vigil.gateway.guard.heartbeat.budgets", heartbeats, RateBudget::size);
    }

    private static Counter refused(MeterRegistry metrics, String reason) {
        return metrics.counter("vigil.gateway.guard.refused", "reason", reason);
    }

    /**
     * Registered before BodyLimit's route of the same order (observer priority), so an announced oversize
     * unauthenticated body is refused before anything drains it.
     */
    void installFirst(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route("/agent/v1/activation").order(Integer.MIN_VALUE).handler(this::unauthenticatedBody);
    }

    void install(@Observes Router router) {
        router.route("/agent/v1/*").order(Integer.MIN_VALUE + 1).handler(this::caughtUp);
        // a chunked body has been read (at most 1 MiB) by now: refused here when over the limit
        router.route("/agent/v1/activation").order(Integer.MIN_VALUE + 2).handler(this::unauthenticatedBody);
        router.route("/agent/v1/heartbeat").order(Integer.MIN_VALUE + 2).handler(this::heartbeatRate);
    }

    void sweep(@Observes StartupEvent event, Vertx vertx) {
        vertx.setPeriodic(30_000, id -> heartbeats.sweep());
    }

    private void caughtUp(RoutingContext context) {
        if (!state.caughtUp()) {
            refusedStarting.increment();
            Answers.afterBody(context, STARTING, config.startingRetryAfterSeconds());
            return;
        }
        context.next();
    }

    private void unauthenticatedBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        long limit = config.unauthenticatedBodyBytes();
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long length = context.body() != null && context.body().buffer() != null ? context.body().length()
                : header == null ? 0 : parse(header);
        if (length > limit) {
            refusedBody.increment();
            Answers.andClose(context, Problem.of(413, "body-too-large", "Payload too large",
                    "requests without a client certificate are limited to " + limit + " bytes"));
            return;
        }
        context.next();
    }

    private void heartbeatRate(RoutingContext context) {
        OptionalLong computer = SessionIdentity.computerOf(context.request().sslSession());
        if (computer.isEmpty()) {
            context.next(); // the resource answers 401/403
            return;
        }
        long interval = directory.expected(computer.getAsLong()).intervalSeconds();
        HeartbeatAllowance allowance = HeartbeatAllowance.of(interval, config.heartbeatsPerInterval(),
                config.heartbeatWindowMinimum());
        long retryAfter = heartbeats.acquire(computer.getAsLong(), allowance.count(), allowance.window());
        if (retryAfter > 0) {
            refusedRate.increment();
            Answers.afterBody(context, Problem.of(429, "too-many-heartbeats", "Too many requests",
                    "computer " + computer.getAsLong() + " sent more than " + config.heartbeatsPerInterval()
                            + " heartbeats per interval of " + interval + " s (" + allowance.count() + " within "
                            + allowance.window().toSeconds() + " s); retry after " + retryAfter + " s"), retryAfter);
            return;
        }
        context.next();
    }

    private static long parse(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
