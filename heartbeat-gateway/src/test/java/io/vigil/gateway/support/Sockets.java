package io.vigil.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** Plain TCP connections to the agent port from a chosen loopback address, as hostile or queued clients open them. */
public final class Sockets {

    private Sockets() {
    }

    /** A TCP connection to {@code localhost:port} from {@code from} that never starts a TLS handshake. */
    public static Socket plainFrom(InetAddress from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        return socket;
    }

    /** A TLS connection without a client certificate from {@code from} whose handshake has not started yet. */
    public static SSLSocket tlsFrom(SSLContext tls, InetAddress from, int port) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Starts the handshake on another thread: completes with the protocol agreed on, or fails. */
    public static CompletableFuture<String> handshake(SSLSocket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                socket.startHandshake();
                return socket.getSession().getProtocol();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Whether the server closed the connection (end of stream or reset); false while it stays open. */
    public static boolean closed(Socket socket) {
        try {
            socket.setSoTimeout(20);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    public static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed by the server
        }
    }

    public static void close(List<Socket> sockets) {
        sockets.forEach(Sockets::close);
    }
}
