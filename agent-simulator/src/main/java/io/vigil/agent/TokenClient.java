package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Creates an activation token through agent-registry's {@code POST /api/activationtokens}, as a console would. */
final class TokenClient {

    /** A token and the CA pin that comes with it. */
    record Token(String token, String managerCaSha256) {
    }

    private static final Executor RETRY_DELAY = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);

    private TokenClient() {
    }

    /** Creates a token for {@code maxUses} activations, retrying for up to {@code patience} while the registry starts. */
    static Token create(URI registry, String apiKey, long policyID, int maxUses, Duration patience)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        byte[] body = Json.bytes(Map.of("policyID", policyID, "maxUses", maxUses, "expiresInSeconds", 86_400,
                "onDuplicateHostName", "reactivate"));
        HttpRequest request = HttpRequest.newBuilder(registry.resolve("/api/activationtokens"))
                .header("content-type", "application/json").header("api-secret-key", apiKey)
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Instant deadline = Instant.now().plus(patience);
        try {
            return attempt(http, request, deadline).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** One request; a 5xx answer or no answer is tried again a second later, until {@code deadline}. */
    private static CompletableFuture<Token> attempt(HttpClient http, HttpRequest request, Instant deadline) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(TokenClient::answer)
                .exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof Refused || Instant.now().isAfter(deadline)) {
                        return CompletableFuture.failedFuture(cause instanceof IOException ? cause
                                : new IOException(cause.getMessage(), cause));
                    }
                    return CompletableFuture.supplyAsync(() -> null, RETRY_DELAY)
                            .thenCompose(ignored -> attempt(http, request, deadline));
                });
    }

    private static Token answer(HttpResponse<byte[]> response) {
        JsonNode json = Json.parse(response.body());
        if (response.statusCode() == 201) {
            return new Token(json.path("token").asText(), json.path("managerCaSha256").asText());
        }
        String reason = "token creation refused: HTTP " + response.statusCode() + " "
                + json.path("detail").asText(json.path("title").asText(""));
        throw new CompletionException(response.statusCode() < 500 ? new Refused(reason) : new IOException(reason));
    }

    /** An answer that trying again will not change. */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }
}
