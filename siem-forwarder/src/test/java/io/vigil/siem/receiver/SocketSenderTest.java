package io.vigil.siem.receiver;

import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.format.Kind;
import org.junit.jupiter.api.Test;

import javax.net.SocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The close handshake against a plain loopback server: EOF from the receiver is the only acknowledgement. */
class SocketSenderTest {

    @Test
    void deliveredWhenTheReceiverReadsToTheEndAndCloses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    in.transferTo(all);
                    return all.toString(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            sender(server.getLocalPort(), Duration.ofSeconds(5)).deliver(List.of(bytes("3 abc"), bytes("2 é")));
            assertThat(received.get()).isEqualTo("3 abc2 é");
        }
    }

    @Test
    void notDeliveredWhenTheReceiverNeverCloses() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(() -> sender(server.getLocalPort(), Duration.ofMillis(300))
                    .deliver(List.of(bytes("3 abc")))).isInstanceOf(IOException.class);
            held.get().close();
        }
    }

    @Test
    void notDeliveredWhenNobodyListens() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> sender(closedPort, Duration.ofSeconds(1)).deliver(List.of(bytes("1 a"))))
                .isInstanceOf(IOException.class);
    }

    private static SocketSender sender(int port, Duration timeout) {
        return new SocketSender(new ReceiverSpec(false, "127.0.0.1", port, EnumSet.allOf(Kind.class),
                CefSeverity.INFO), SocketFactory.getDefault(), Duration.ofSeconds(1), timeout, true);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
