package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of a service's log as the system tests run it: JSON, one object per line, as the chart runs the services
 * ({@code QUARKUS_LOG_CONSOLE_JSON_ENABLED}); lines that are not such an object (a JVM warning) are left out.
 */
final class ServiceLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One log line: when it was written and its message. */
    record Line(Instant time, String message) {
    }

    private ServiceLog() {
    }

    static List<Line> read(Path log) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String text : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            parse(text).ifPresent(lines::add);
        }
        return lines;
    }

    static Optional<Line> parse(String text) {
        if (!text.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode line = JSON.readTree(text);
            if (!line.path("timestamp").isTextual() || !line.path("message").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Line(Instant.parse(line.get("timestamp").asText()),
                    line.get("message").asText()));
        } catch (IOException | DateTimeParseException notALogLine) {
            return Optional.empty();
        }
    }
}
