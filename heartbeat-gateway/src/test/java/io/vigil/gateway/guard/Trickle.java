package io.vigil.gateway.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A slowloris client over real TLS: writes its bytes one at a time, a {@code gap} apart, and reports when the server
 * cut the connection (the gap is spent waiting for the server's end of stream, so it keeps no thread asleep).
 */
final class Trickle implements AutoCloseable {

    /** How long the server took to cut the connection, and how many bytes were written until then. */
    record Cut(Duration after, int bytesWritten) {
    }

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;

    Trickle(SSLContext tls, int port) throws IOException {
        socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends {@code text} at once. */
    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Writes {@code unit} over and over, one byte per {@code gap}, until the server closes the connection (the
     * answer is returned) or {@code limit} has passed (empty: the server let it trickle on).
     */
    Optional<Cut> trickle(String unit, Duration gap, Duration limit) throws IOException {
        byte[] bytes = unit.getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        socket.setSoTimeout((int) gap.toMillis());
        for (int written = 0; System.nanoTime() - start < limit.toNanos(); written++) {
            try {
                out.write(bytes[written % bytes.length]);
                out.flush();
                if (in.read() < 0) {
                    return Optional.of(new Cut(Duration.ofNanos(System.nanoTime() - start), written + 1));
                }
                // a byte of an answer (e.g. a 404 sent before the body ended): skipped, the connection is open
            } catch (SocketTimeoutException e) {
                // still open: next byte
            } catch (IOException e) {
                return Optional.of(new Cut(Duration.ofNanos(System.nanoTime() - start), written));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
