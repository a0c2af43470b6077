package io.vigil.siem.format;

import io.vigil.events.Topics;

import java.util.Optional;

/** What a receiver can ask for ({@code ?kinds=}): each kind is one public topic. */
public enum Kind {
    ALERTS("alerts", Topics.ALERTS),
    AGENT_EVENTS("agent-events", Topics.AGENT_EVENTS),
    AUDIT("audit", Topics.AUDIT);

    private final String id;
    private final String topic;

    Kind(String id, String topic) {
        this.id = id;
        this.topic = topic;
    }

    public String id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public static Optional<Kind> of(String id) {
        for (Kind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<Kind> ofTopic(String topic) {
        for (Kind k : values()) {
            if (k.topic.equals(topic)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
