package io.vigil.testkit.containers;

import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a container on the host network: its port accepts connections on 127.0.0.1, or its HTTP endpoint
 * answers 200 there (Testcontainers' own strategies look for mapped ports, which the host network has none of).
 * Fails at once when the container exits.
 */
public final class OnHostReady extends AbstractWaitStrategy {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final URI url;

    private OnHostReady(int port, URI url) {
        this.port = port;
        this.url = url;
    }

    /** Ready when 127.0.0.1:port accepts a connection. */
    public static OnHostReady port(int port) {
        return new OnHostReady(port, null);
    }

    /** Ready when a GET of {@code url} answers 200. */
    public static OnHostReady http(URI url) {
        return new OnHostReady(-1, url);
    }

    @Override
    protected void waitUntilReady() {
        Instant deadline = Instant.now().plus(startupTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("the container exited before it was ready: "
                        + waitStrategyTarget.getLogs());
            }
            if (ready()) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new ContainerLaunchException("not ready within " + startupTimeout + ": " + (url != null ? url : port));
    }

    boolean ready() {
        return url != null ? answers200(url) : accepts(port);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean answers200(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
