package io.vigil.gateway.guard;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.Sockets;
import io.vigil.gateway.support.TestAgent;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The places of one address as shipped ({@link GuardConfig} defaults, which the default test profile keeps): 256
 * connections without a client certificate hold a place, 2,048 more wait unread for one, the next is closed at once;
 * a real TLS client that waited behind them is served once places free. (HostileClientsTest checks the same rules
 * with small limits and the wait's deadline.)
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class DefaultConnectionPlacesTest {

    /** vigil.gateway.guard.unauthenticated-connections-per-address, default. */
    private static final int PLACES = 256;
    /** vigil.gateway.guard.waiting-connections-per-address, default. */
    private static final int WAITING_PLACES = 2_048;
    private static final String DEFAULT_FP = ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX;

    @Inject
    MeterRegistry meters;

    @Inject
    AgentPortLimits limits;

    private final List<Socket> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        Sockets.close(opened);
    }

    @Test
    void oneAddressHolds256PlacesAnd2048WaitingOnesAndTheNextIsRefused() throws Exception {
        int port = GatewayTestResources.agentPort();
        InetAddress from = InetAddress.getByName("127.0.9.1");
        double refusedBefore = refused();

        for (int i = 0; i < PLACES; i++) {
            opened.add(Sockets.plainFrom(from, port));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> holding(from) == PLACES && waiting() == 0);
        for (int i = 0; i < WAITING_PLACES - 1; i++) {
            opened.add(Sockets.plainFrom(from, port));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == WAITING_PLACES - 1);

        // a real agent activating from the same address takes the last waiting place: its ClientHello is not read yet
        SSLSocket tls = Sockets.tlsFrom(new TestAgent(port).sslContext(), from, port);
        opened.add(tls);
        CompletableFuture<String> handshake = Sockets.handshake(tls);
        await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == WAITING_PLACES);
        assertThat(holding(from)).isEqualTo(PLACES);

        // every place and waiting place of the address is taken: the next connection is closed at once
        Socket beyond = Sockets.plainFrom(from, port);
        opened.add(beyond);
        await().atMost(Duration.ofSeconds(10)).until(() -> Sockets.closed(beyond));
        assertThat(refused()).isEqualTo(refusedBefore + 1);
        assertThat(handshake).as("not served while it waits").isNotDone();

        // another address and an agent with its certificate are served meanwhile
        TestAgent other = new TestAgent(port);
        other.activate("good-places", "places-01");
        assertThat(other.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);

        // the plain connections go: their places pass down the queue until the agent's handshake is served
        opened.stream().filter(socket -> socket != tls).forEach(Sockets::close);
        assertThat(handshake.get(40, TimeUnit.SECONDS)).startsWith("TLSv1");
        tls.close();
        await().atMost(Duration.ofSeconds(40)).until(() -> holding(from) == 0 && waiting() == 0);
    }

    private double refused() {
        return meters.counter("vigil.gateway.guard.refused", "reason", "unauthenticated-connections").count();
    }

    private double waiting() {
        return meters.get("vigil.gateway.guard.waiting.connections").gauge().value();
    }

    private int holding(InetAddress address) {
        return limits.unauthenticated().count(address);
    }
}
