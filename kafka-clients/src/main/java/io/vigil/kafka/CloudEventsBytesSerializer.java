package io.vigil.kafka;

import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@link CloudEventsSerializer} for byte values, by class name: for producers that Kafka configures itself, like
 * SmallRye Messaging channels ({@code mp.messaging.outgoing.<channel>.value.serializer}).
 */
public final class CloudEventsBytesSerializer extends CloudEventsSerializer<byte[]> {

    public CloudEventsBytesSerializer() {
        super(new ByteArraySerializer());
    }
}
