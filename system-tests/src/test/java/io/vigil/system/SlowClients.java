package io.vigil.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Hostile clients of the agent port, each on a virtual thread: TCP connections that never start TLS, and slowloris
 * TLS connections that send a request head one byte per {@code gap}, forever. Each reports how long the gateway let
 * it live (null when it was still open at {@code limit}). At most {@link #HANDSHAKES} TLS handshakes run at once, as
 * a patient attacker would open them, so that a busy machine does not fail them on its own.
 */
final class SlowClients implements AutoCloseable {

    /** How long a hostile connection lived, and how many bytes it had sent by then (-1: its handshake failed). */
    record Cut(Duration after, int bytesSent) {
        boolean opened() {
            return bytesSent >= 0;
        }
    }

    static final int HANDSHAKES = 8;

    private static final byte[] HEAD = ("POST /agent/v1/activation HTTP/1.1\r\nHost: agents\r\nX-Slow-"
            + "s".repeat(6000)).getBytes(StandardCharsets.US_ASCII);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore handshakes = new Semaphore(HANDSHAKES);
    private final AtomicInteger trickling = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();

    /** A TCP connection from {@code source} that never sends a byte. */
    CompletableFuture<Cut> idleTcp(InetAddress source, int port, Duration limit) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            try (Socket socket = new Socket()) {
                register(socket);
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout((int) limit.toMillis());
                int read = socket.getInputStream().read();
                return read < 0 ? new Cut(Duration.ofNanos(System.nanoTime() - start), 0) : null;
            } catch (SocketTimeoutException e) {
                return null;
            } catch (IOException e) {
                return new Cut(Duration.ofNanos(System.nanoTime() - start), 0);
            }
        }, threads);
    }

    /** A TLS connection from {@code source}, without a client certificate, trickling a request head. */
    CompletableFuture<Cut> slowloris(SSLContext tls, InetAddress source, int port, Duration gap, Duration limit) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
                register(socket);
                socket.bind(new InetSocketAddress(source, 0));
                socket.setSoTimeout(30_000);
                handshakes.acquireUninterruptibly();
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                    socket.startHandshake();
                } catch (IOException e) {
                    return new Cut(Duration.ZERO, -1);
                } finally {
                    handshakes.release();
                }
                trickling.incrementAndGet();
                try {
                    return trickle(socket, gap, limit);
                } finally {
                    trickling.decrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not open a socket from " + source, e);
            }
        }, threads);
    }

    private static Cut trickle(SSLSocket socket, Duration gap, Duration limit) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        socket.setSoTimeout((int) gap.toMillis());
        long start = System.nanoTime();
        for (int sent = 0; sent < HEAD.length && System.nanoTime() - start < limit.toNanos(); sent++) {
            try {
                out.write(HEAD[sent]);
                out.flush();
                if (in.read() < 0) {
                    return new Cut(Duration.ofNanos(System.nanoTime() - start), sent + 1);
                }
            } catch (SocketTimeoutException e) {
                // still open: the next byte
            } catch (IOException e) {
                return new Cut(Duration.ofNanos(System.nanoTime() - start), sent);
            }
        }
        return null;
    }

    /** Slowloris connections open and trickling right now. */
    int trickling() {
        return trickling.get();
    }

    private synchronized void register(Socket socket) {
        sockets.add(socket);
    }

    @Override
    public synchronized void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed by the gateway already
            }
        }
        threads.shutdownNow();
    }
}
