package io.vigil.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain-HTTP calls of the tests to a service's own port (/q/metrics, /q/health, a stream): HTTP/1.1 (no h2c upgrade
 * attempt on every request) and a bound on every wait, so that a service that accepts a connection and never answers
 * fails the call instead of hanging the test run.
 */
public final class PlainHttp {

    /** How long a request may wait for its response headers. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private PlainHttp() {
    }

    /** The shared client: HTTP/1.1, connections time out after 5 s. */
    public static HttpClient client() {
        return CLIENT;
    }

    /** A request builder for {@code url} bounded by {@link #REQUEST_TIMEOUT}. */
    public static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
    }

    /** GET {@code url}, the body as text (whatever the status). */
    public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return CLIENT.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
