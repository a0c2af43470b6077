package io.vigil.kafka.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.json.runtime.JsonFormatter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service writes with {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true} (quarkus-logging-json's formatter, as the
 * services run it on JBoss LogManager): a line logged while a record is processed is one JSON object that names the
 * computer in its {@code mdc}, and a line logged after it does not.
 */
class JsonLogLineTest {

    private final JsonFormatter json = new JsonFormatter();

    @Test
    void aLineAboutAComputerCarriesItsIdAsAJsonField() throws Exception {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("vigil.heartbeats", 3, 17L, 0L,
                TimestampType.LOG_APPEND_TIME, 0, 0, "4711", new byte[0], new RecordHeaders(), Optional.empty());
        String during;
        try (RecordTracing.Processing ignored = RecordTracing.off().process(record)) {
            during = json.format(line("heartbeat applied"));
        }
        String after = json.format(line("flushed"));

        assertThat(during.strip()).doesNotContain("\n");
        JsonNode line = new ObjectMapper().readTree(during);
        assertThat(line.path("message").asText()).isEqualTo("heartbeat applied");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("mdc").path("computerID").asText()).isEqualTo("4711");
        assertThat(new ObjectMapper().readTree(after).path("mdc").has("computerID")).isFalse();
    }

    private static ExtLogRecord line(String message) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, message, ExtLogRecord.FormatStyle.NO_FORMAT,
                JsonLogLineTest.class.getName());
        record.copyMdc();
        return record;
    }
}
