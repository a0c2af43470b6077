package io.vigil.registry.status;

import io.vigil.events.EventJson;
import io.vigil.events.EventJson.MalformedEventException;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.liveness.LivenessChanged;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputDecoderTest {

    @Test
    void decodesEachTopic() {
        byte[] value = EventJson.toBytes(CloudEvents.create("/t", EventTypes.LIVENESS_CHANGED, "5",
                new LivenessChanged(5, 2, false, Instant.EPOCH, Instant.EPOCH)));
        assertThat(InputDecoder.decode(Topics.LIVENESS, "5", value, 10)).isInstanceOfSatisfying(Input.Liveness.class,
                l -> assertThat(l.data().missedHeartbeats()).isEqualTo(2));
    }

    @Test
    void tombstonesAreConfigRemovalsOrNothing() {
        assertThat(InputDecoder.decode(Topics.COMPUTER_CONFIG, "5", null, 1)).isEqualTo(new Input.Config(5, null));
        assertThat(InputDecoder.decode(Topics.COMPUTERS, "5", null, 1)).isNull();
    }

    @Test
    void poisonRecordsThrow() {
        byte[] junk = "{oops".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InputDecoder.decode(Topics.HEARTBEATS, "5", junk, 1))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> InputDecoder.decode(Topics.HEARTBEATS, "web", new byte[0], 1))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> InputDecoder.decode(Topics.HEARTBEATS, null, new byte[0], 1))
                .isInstanceOf(MalformedEventException.class);
        byte[] noData = "{\"id\":\"1\",\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> InputDecoder.decode(Topics.LIVENESS, "5", noData, 1))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no data");
    }
}
