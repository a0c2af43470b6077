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

/** Creates an activation token through agent-registry's {@code POST /api/activationtokens}, as a console would. */
final class TokenClient {

    /** A token and the CA pin that comes with it. */
    record Token(String token, String managerCaSha256) {
    }

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
        while (true) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                JsonNode json = Json.parse(response.body());
                if (response.statusCode() == 201) {
                    return new Token(json.path("token").asText(), json.path("managerCaSha256").asText());
                }
                if (response.statusCode() < 500 || Instant.now().isAfter(deadline)) {
                    throw new IOException("token creation refused: HTTP " + response.statusCode() + " "
                            + json.path("detail").asText(json.path("title").asText("")));
                }
            } catch (IOException | IllegalArgumentException e) {
                if (Instant.now().isAfter(deadline) || e.getMessage() != null
                        && e.getMessage().startsWith("token creation refused")) {
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
            }
            Thread.sleep(1000);
        }
    }
}
