package io.vigil.alerts.it;

import io.vigil.events.Topics;

import java.util.List;

/** The CloudEvents types seen on {@code vigil.alerts} per key, for tests outside this package. */
public final class AlertTopic implements AutoCloseable {

    private final TopicWatcher watcher = new TopicWatcher(Topics.ALERTS);

    public List<String> types(String key) {
        return watcher.all().stream().filter(s -> key.equals(s.key())).map(s -> s.event().get("type").asText())
                .toList();
    }

    @Override
    public void close() {
        watcher.close();
    }
}
