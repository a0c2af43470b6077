package io.vigil.gateway.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventPublisherSettingsTest {

    @Test
    void theLingerSettingBecomesTheProducersLingerAndEveryRecordIsDurable() {
        assertThat(EventPublisher.settings(Duration.ofMillis(25)))
                .containsEntry("linger.ms", "25")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true");
        assertThat(EventPublisher.settings(Duration.ZERO)).containsEntry("linger.ms", "0");
    }

    @Test
    void aSendFailsWellWithinTheAgentsTenSeconds() {
        assertThat(EventPublisher.settings(Duration.ofMillis(25)))
                .containsEntry("max.block.ms", "3000")
                .containsEntry("delivery.timeout.ms", "7000");
    }

    @Test
    void aLingerBeyondOneSecondOrNegativeIsRefusedNamingTheSetting() {
        assertThat(EventPublisher.settings(Duration.ofSeconds(1))).containsEntry("linger.ms", "1000");
        assertThatThrownBy(() -> EventPublisher.settings(Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vigil.gateway.publish.linger");
        assertThatThrownBy(() -> EventPublisher.settings(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vigil.gateway.publish.linger");
    }
}
