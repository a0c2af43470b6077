package io.vigil.policy.publish;

import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.Topics;
import io.vigil.policy.KafkaFixture;
import io.vigil.policy.QuarkusTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the real broker and database: a poisonous record whose reason echoes a NUL (PostgreSQL text cannot hold
 * one) on a computer's own key, then that computer's good registration on the same key and partition: the poison is
 * dead-lettered with its reason and the good record takes effect. Before, writing the dead letter failed the batch's
 * transaction, which was retried forever: the partition stalled and the good record never applied.
 */
@QuarkusTest
class PoisonRegistrationTest extends QuarkusTestBase {

    @Test
    void aPoisonWhoseReasonHoldsANulIsDeadLetteredAndTheNextRecordOnItsKeyApplies() {
        try (KafkaFixture.Watcher dead = new KafkaFixture.Watcher(Topics.DEAD_LETTER);
             KafkaFixture.Watcher configs = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
            long id = KafkaFixture.newComputerId();
            String key = Long.toString(id);
            String poison = "{\"id\":\"p1\",\"source\":\"/test\",\"type\":\"vigil.internal.computer.registered.v1\","
                    + "\"specversion\":\"1.0\",\"data\":{\"computerID\":\"4\\u0000\\ud800\"}}";
            KafkaFixture.sendRaw(Topics.COMPUTERS, key, poison.getBytes(StandardCharsets.UTF_8));
            KafkaFixture.register(id, "physical", 1);

            await().atMost(ConfigurationPublishingTest.WAIT)
                    .untilAsserted(() -> assertThat(configs.forKey(key)).isNotEmpty());
            assertThat(ConfigurationPublishingTest.latest(configs, id).computerID()).isEqualTo(id);
            await().atMost(ConfigurationPublishingTest.WAIT).untilAsserted(() -> assertThat(dead.forKey(key))
                    .hasSize(1));
            ConsumerRecord<String, byte[]> letter = dead.forKey(key).getFirst();
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(poison);
            assertThat(StreamSupport.stream(letter.headers().spliterator(), false)
                    .filter(h -> h.key().equals("vigil.reason"))
                    .map(h -> new String(h.value(), StandardCharsets.UTF_8)).findFirst())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("computerID").doesNotContain("\u0000"));
        }
    }
}
