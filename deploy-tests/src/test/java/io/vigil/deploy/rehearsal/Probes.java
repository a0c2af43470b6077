package io.vigil.deploy.rehearsal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A container's HTTP probes as the kubelet runs them: its path and port (a named port resolved), 2xx/3xx passes. */
final class Probes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Probes() {
    }

    static URI uri(Container container, Probe probe) {
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            throw new IllegalStateException(container.getName() + ": only httpGet probes are rehearsed");
        }
        int port = get.getPort().getIntVal() != null ? get.getPort().getIntVal()
                : container.getPorts().stream().filter(p -> get.getPort().getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElseThrow(() -> new IllegalStateException(
                        container.getName() + ": probe port " + get.getPort().getStrVal() + " is not a container port"));
        String scheme = get.getScheme() == null ? "http" : get.getScheme().toLowerCase();
        return URI.create(scheme + "://127.0.0.1:" + port + get.getPath());
    }

    /** The status the probe gets, or -1 when nothing answers. */
    static int status(Container container, Probe probe) {
        int timeout = probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds();
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(container, probe)).timeout(Duration.ofSeconds(timeout)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static boolean passes(Container container, Probe probe) {
        int status = status(container, probe);
        return status >= 200 && status < 400;
    }
}
