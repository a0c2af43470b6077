package io.vigil.gateway.support;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 connection over TLS, written and read by hand: every answer provably comes over the same connection,
 * and bodies can be sent chunked (no {@code Content-Length}).
 */
public final class RawConnection implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    /** A status, the headers (names in lower case) and the body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final SSLSocket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    public RawConnection(SSLContext tls, int port) throws IOException {
        socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", port);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        out = new BufferedOutputStream(socket.getOutputStream(), CHUNK + 64);
        in = new BufferedInputStream(socket.getInputStream());
        host = "localhost:" + port;
    }

    /** A {@code POST} with {@code Content-Length}. */
    public void send(String path, byte[] body) throws IOException {
        sendHead(path, body.length);
        out.write(body);
        out.flush();
    }

    /** Only the head of a {@code POST} announcing {@code contentLength} bytes. */
    public void sendHead(String path, long contentLength) throws IOException {
        out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n"));
        out.flush();
    }

    /** A {@code POST} with {@code Transfer-Encoding: chunked}, the body cut into 64 KiB chunks. */
    public void sendChunked(String path, byte[] body) throws IOException {
        startChunked(path, false);
        finishChunked(body);
    }

    /** The head of a chunked {@code POST}, optionally with {@code Expect: 100-continue}. */
    public void startChunked(String path, boolean expectContinue) throws IOException {
        chunkedHead(path, expectContinue);
        out.flush();
    }

    /** The body of a chunked {@code POST} begun with {@link #startChunked}, in 64 KiB chunks, and its last chunk. */
    public void finishChunked(byte[] body) throws IOException {
        for (int offset = 0; offset < body.length; offset += CHUNK) {
            chunk(body, offset, Math.min(CHUNK, body.length - offset));
        }
        out.write(ascii("0\r\n\r\n"));
        out.flush();
    }

    /**
     * Starts a chunked {@code POST} of {@code count} times {@code chunk} on another thread and returns at once (the
     * server may answer and close before all of it is written; the writer then stops).
     */
    public CompletableFuture<Void> floodChunked(String path, byte[] chunk, int count) {
        return CompletableFuture.runAsync(() -> {
            try {
                chunkedHead(path, false);
                for (int i = 0; i < count; i++) {
                    chunk(chunk, 0, chunk.length);
                }
                out.write(ascii("0\r\n\r\n"));
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, command -> Thread.ofVirtual().name("raw-connection-writer").start(command));
    }

    /** Reads one answer (body by {@code Content-Length} or chunked). */
    public Answer read() throws IOException {
        String[] status = line().split(" ", 3);
        Map<String, String> headers = new HashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else {
            body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new Answer(Integer.parseInt(status[1]), headers, body.toString(StandardCharsets.UTF_8));
    }

    /**
     * Whether the server closed the connection: the next read ends the stream or fails (reset); false when nothing
     * arrives within {@code timeoutMillis} and the connection is still open.
     */
    public boolean closedByPeer(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void chunkedHead(String path, boolean expectContinue) throws IOException {
        out.write(ascii("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + (expectContinue ? "Expect: 100-continue\r\n" : "") + "Transfer-Encoding: chunked\r\n\r\n"));
    }

    private void chunk(byte[] bytes, int offset, int length) throws IOException {
        out.write(ascii(Integer.toHexString(length) + "\r\n"));
        out.write(bytes, offset, length);
        out.write(ascii("\r\n"));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed inside an answer's head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
