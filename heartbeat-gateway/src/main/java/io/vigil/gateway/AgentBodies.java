package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.ProblemException;
import io.vigil.events.EventJson;

import java.io.IOException;

/** Parses an agent's JSON body; anything that is not JSON is a 400 problem. */
public final class AgentBodies {

    private AgentBodies() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "is required", null, "a JSON object");
        }
        try {
            JsonNode node = EventJson.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object", null, null);
            }
            return node;
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not valid JSON", null, null);
        }
    }
}
