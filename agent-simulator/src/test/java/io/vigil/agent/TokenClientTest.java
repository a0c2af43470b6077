package io.vigil.agent;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token client against a small HTTP server that plays agent-registry's token endpoint. */
class TokenClientTest {

    private HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    private record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/activationtokens", exchange -> {
            requests.incrementAndGet();
            assertThat(exchange.getRequestHeaders().getFirst("api-secret-key")).isEqualTo("key-1");
            Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI registry() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void triesAgainWhileTheRegistryIsNotReadyAndReturnsTheToken() throws Exception {
        answers.add(new Answer(503, "{\"title\":\"starting\"}"));
        answers.add(new Answer(500, "not json"));
        answers.add(new Answer(201, "{\"token\":\"tok-1\",\"managerCaSha256\":\"ab12\"}"));

        TokenClient.Token token = TokenClient.create(registry(), "key-1", 1, 5, Duration.ofSeconds(20));

        assertThat(token).isEqualTo(new TokenClient.Token("tok-1", "ab12"));
        assertThat(requests).hasValue(3);
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        answers.add(new Answer(400, "{\"title\":\"Bad Request\",\"detail\":\"policy 9 does not exist\"}"));

        assertThatThrownBy(() -> TokenClient.create(registry(), "key-1", 9, 5, Duration.ofSeconds(20)))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("policy 9 does not exist");
        assertThat(requests).hasValue(1);
    }

    @Test
    void givesUpWhenItsPatienceRunsOut() {
        answers.add(new Answer(503, "{\"title\":\"starting\"}"));

        assertThatThrownBy(() -> TokenClient.create(registry(), "key-1", 1, 5, Duration.ofMillis(1500)))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 503");
        assertThat(requests.get()).isBetween(2, 3);
    }
}
