package io.vigil.gateway.contact;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manager's minimal HTTP/1.1 towards agents. */
class Http11Test {

    private static Http11.Response read(String raw, int max) throws IOException {
        return Http11.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)), max);
    }

    @Test
    void writesOnePostWithItsLengthAndClose() {
        String request = new String(Http11.request("/agent/v1/configuration", "10.1.2.3", 4118,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        assertThat(request).startsWith("POST /agent/v1/configuration HTTP/1.1\r\nHost: 10.1.2.3:4118\r\n")
                .contains("Content-Length: 7\r\n", "Connection: close\r\n", "Content-Type: application/json\r\n")
                .endsWith("\r\n\r\n{\"a\":1}");
        assertThat(new String(Http11.request("/x", "::1", 1, new byte[0]), StandardCharsets.UTF_8))
                .contains("Host: [::1]:1\r\n");
    }

    @Test
    void readsContentLengthChunkedAndToTheEnd() throws IOException {
        Http11.Response sized = read("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX: y\r\n\r\n{}trailing", 100);
        assertThat(sized.status()).isEqualTo(200);
        assertThat(sized.text()).isEqualTo("{}");
        Http11.Response chunked = read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\n{\"a\r\n4\r\n\":1}\r\n0\r\nTrailer: x\r\n\r\n", 100);
        assertThat(chunked.text()).isEqualTo("{\"a\":1}");
        Http11.Response toEnd = read("HTTP/1.0 503 Busy\nContent-Type: text/plain\n\nlater", 100);
        assertThat(toEnd.status()).isEqualTo(503);
        assertThat(toEnd.text()).isEqualTo("later");
    }

    @Test
    void refusesWhatIsNotHttpOrTooLarge() {
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH\r\n\r\n", 100)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 abc OK\r\n\r\n", 100)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 101\r\n\r\n", 100))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", 100))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(101), 100))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n65\r\n", 100))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 100))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\n" + "X: y\r\n".repeat(200) + "\r\n", 100))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nX: " + "y".repeat(9000) + "\r\n\r\n", 100))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void aTruncatedAnswerIsAnError() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}", 100))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-", 100)).isInstanceOf(EOFException.class);
    }
}
