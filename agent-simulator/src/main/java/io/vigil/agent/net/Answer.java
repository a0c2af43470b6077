package io.vigil.agent.net;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.Json;

/**
 * The manager's answer to a request.
 *
 * @param retryAfter the {@code Retry-After} header, or null
 */
public record Answer(int status, byte[] body, String retryAfter, String tlsProtocol, String cipherSuite) {

    /** The body as JSON; a missing node when it is not JSON. */
    public JsonNode json() {
        try {
            return Json.parse(body);
        } catch (IllegalArgumentException e) {
            return Json.mapper().missingNode();
        }
    }

    /** The problem detail (or title) of an error answer, for logs. */
    public String problem() {
        JsonNode json = json();
        String text = json.path("detail").asText(json.path("title").asText(""));
        return text.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + text;
    }
}
