package io.vigil.policy.requests;

import io.quarkus.logging.json.runtime.JsonFormatter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The lines one logger writes, each formatted as the service writes it with {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true}
 * (quarkus-logging-json's formatter), at the moment it is logged, so with the log context of the logging thread.
 */
final class JsonLogLines extends Handler implements AutoCloseable {

    private final JsonFormatter json = new JsonFormatter();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private JsonLogLines(Logger logger) {
        this.logger = logger;
    }

    static JsonLogLines of(Class<?> category) {
        JsonLogLines handler = new JsonLogLines(Logger.getLogger(category.getName()));
        handler.logger.addHandler(handler);
        return handler;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(json.format(record));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
