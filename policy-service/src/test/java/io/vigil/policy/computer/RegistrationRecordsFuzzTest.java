package io.vigil.policy.computer;

import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.policy.publish.OutboxMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated poisonous {@code vigil.internal.computers} records (malformed JSON, wrong types, extreme values, missing
 * fields, huge strings, deep nesting, tombstones with odd keys, NUL and unpaired surrogates) through the consumer's
 * pure handling: each is either a valid registration or a dead letter that PostgreSQL can store, never an exception
 * that would fail the batch (and, retried forever, stall the partition). A fixed seed per run keeps failures
 * reproducible.
 */
class RegistrationRecordsFuzzTest {

    private static final long SEED = 20261206L;
    private static final Set<String> TYPES = Set.of("physical", "virtual-machine", "appliance");
    private static final List<String> ODD_TEXT = List.of("", " ", "\u0000", "7\u0000", "\ud800", "a\udc00b",
            "\uD83D\uDE00", "-1", "0", "9223372036854775807", "9223372036854775808", "1e3", "physical\u0000",
            "appliance", "null", "x".repeat(300_000));
    private static final List<String> ODD_JSON = List.of("null", "true", "-1", "0", "1.5", "1e400", "-1e400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "\"42\"", "\"\\u0000\"", "\"\\ud800\"", "\"physical\"", "\"appliance\"", "[]", "{}", "[1,2]",
            "\"" + "y".repeat(200_000) + "\"", "[".repeat(3000) + "]".repeat(3000));

    @Test
    void everyRecordIsARegistrationOrAStorableDeadLetter() {
        Random random = new Random(SEED);
        for (int i = 0; i < 4000; i++) {
            ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.COMPUTERS, 0, i, key(random),
                    value(random));
            try {
                ComputerRegistration registration = RegistrationConsumer.read(record);
                assertThat(registration.computerID()).as("record %d", i).isPositive();
                if (!registration.deactivated()) {
                    assertThat(TYPES).as("record %d", i).contains(registration.computerType());
                }
            } catch (RuntimeException e) {
                assertThat(e).as("record %d: %s", i, e).isInstanceOf(EventJson.MalformedEventException.class);
                OutboxMessage letter = RegistrationConsumer.deadLetter(record, e);
                assertThat(letter.topic).isEqualTo(Topics.DEAD_LETTER);
                assertThat(letter.payload).isSameAs(record.value());
                assertThat(letter.sourceTopic).isEqualTo(Topics.COMPUTERS);
                assertStorable(letter.recordKey, 1000);
                assertStorable(letter.reason, 2000);
                assertThat(letter.reason).isNotBlank();
            }
        }
    }

    @Test
    void aReasonThatEchoesNulAndAKeyWithNulBecomeStorable() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.COMPUTERS, 0, 0, "7\u0000", null);
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> RegistrationConsumer.read(record));
        OutboxMessage letter = RegistrationConsumer.deadLetter(record, e);
        assertThat(letter.recordKey).isEqualTo("7\uFFFD");
        assertThat(letter.reason).contains("7\uFFFD").doesNotContain("\u0000");
        assertThat(StorableText.of("a\uD83D\uDE00b\ud800", 10)).isEqualTo("a\uD83D\uDE00b\uFFFD");
        assertThat(StorableText.of("ab\uD83D\uDE00", 3)).isEqualTo("ab");
    }

    private static void assertStorable(String text, int max) {
        if (text == null) {
            return;
        }
        assertThat(text.length()).isLessThanOrEqualTo(max);
        assertThat(text).doesNotContain("\u0000");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i))).isTrue();
            } else {
                assertThat(Character.isLowSurrogate(c)).isFalse();
            }
        }
    }

    private static String key(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> Long.toString(random.nextLong());
            case 2 -> Long.toString(1 + random.nextInt(1_000_000));
            default -> pick(random, ODD_TEXT);
        };
    }

    private static byte[] value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 2 -> {
                String truncated = event(random);
                yield utf8(truncated.substring(0, random.nextInt(truncated.length())));
            }
            default -> utf8(event(random));
        };
    }

    /** A CloudEvent whose members and data members are each either sensible or odd. */
    private static String event(Random random) {
        String data = "{\"computerID\":" + member(random, "" + (1 + random.nextInt(1000)))
                + ",\"hostName\":" + member(random, "\"host\"")
                + ",\"computerType\":" + member(random, "\"" + pick(random, List.copyOf(TYPES)) + "\"")
                + ",\"policyID\":" + member(random, "1")
                + ",\"state\":" + member(random, random.nextBoolean() ? "\"activated\"" : "\"deactivated\"")
                + ",\"listeningPort\":" + member(random, "4118")
                + ",\"changedAt\":" + member(random, "\"2026-11-25T10:00:00Z\"") + "}";
        return "{\"id\":" + member(random, "\"e1\"") + ",\"source\":\"/test\",\"type\":"
                + member(random, "\"vigil.internal.computer.registered.v1\"") + ",\"specversion\":\"1.0\","
                + "\"time\":" + member(random, "\"2026-11-25T10:00:00Z\"") + ",\"data\":"
                + (random.nextInt(10) == 0 ? pick(random, ODD_JSON) : data) + "}";
    }

    private static String member(Random random, String sensible) {
        return random.nextInt(4) == 0 ? pick(random, ODD_JSON) : sensible;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
