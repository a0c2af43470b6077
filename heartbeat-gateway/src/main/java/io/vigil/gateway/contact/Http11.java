package io.vigil.gateway.contact;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The little HTTP/1.1 the manager speaks to an agent's port: one {@code POST} with a JSON body per connection
 * ({@code Connection: close}), and the answer read with its {@code Content-Length}, chunked, or up to the end of the
 * stream, never more than a limit.
 */
public final class Http11 {

    static final int MAX_LINE = 8192;
    static final int MAX_HEADERS = 100;

    private Http11() {
    }

    /** A status and a body. */
    public record Response(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public static byte[] request(String path, String host, int port, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "\r\n"
                + "User-Agent: vigil-manager\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** Reads one answer; {@link ProtocolException} when it is not HTTP/1.x or its body exceeds {@code maxBody}. */
    public static Response read(InputStream in, int maxBody) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP/1.x answer: " + abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status line: " + abbreviate(statusLine));
        }
        long length = -1;
        boolean chunked = false;
        for (int i = 0; ; i++) {
            if (i > MAX_HEADERS) {
                throw new ProtocolException("too many header lines");
            }
            String header = line(in);
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("bad Content-Length: " + abbreviate(value));
                }
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? chunked(in, maxBody) : length >= 0 ? exactly(in, length, maxBody) : toEnd(in, maxBody);
        return new Response(status, body);
    }

    private static byte[] exactly(InputStream in, long length, int maxBody) throws IOException {
        if (length > maxBody) {
            throw new ProtocolException("answer of " + length + " bytes exceeds " + maxBody);
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new EOFException("answer ended after " + body.length + " of " + length + " bytes");
        }
        return body;
    }

    private static byte[] toEnd(InputStream in, int maxBody) throws IOException {
        byte[] body = in.readNBytes(maxBody + 1);
        if (body.length > maxBody) {
            throw new ProtocolException("answer exceeds " + maxBody + " bytes");
        }
        return body;
    }

    private static byte[] chunked(InputStream in, int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size: " + abbreviate(sizeLine));
            }
            if (size == 0) {
                while (!line(in).isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > maxBody) {
                throw new ProtocolException("answer exceeds " + maxBody + " bytes");
            }
            body.write(exactly(in, size, maxBody));
            if (!line(in).isEmpty()) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
        }
    }

    /** One line without its CRLF (a bare LF is accepted). */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("answer ended inside its head");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new ProtocolException("header line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
