package io.vigil.policy.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.KafkaBinding;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.PolicyConfiguration;
import io.vigil.policy.KafkaFixture;
import io.vigil.policy.QuarkusTestBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.vigil.policy.ApiFixture.createPolicy;
import static io.vigil.policy.ApiFixture.full;
import static io.vigil.policy.ApiFixture.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Through the real broker: what policy-service publishes, to whom, and only when something changed. */
@QuarkusTest
class ConfigurationPublishingTest extends QuarkusTestBase {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String INTERVAL = "platformSettingHeartbeatInterval";

    static ComputerConfiguration config(ConsumerRecord<String, byte[]> record) {
        return EventJson.readEvent(record.value(), ComputerConfiguration.class).data();
    }

    static ComputerConfiguration latest(KafkaFixture.Watcher watcher, long computer) {
        List<ConsumerRecord<String, byte[]>> records = watcher.forKey(Long.toString(computer));
        assertThat(records).as("records of computer %d", computer).isNotEmpty();
        return config(records.getLast());
    }

    /** Registers a computer and waits for its first configuration. */
    static long registered(KafkaFixture.Watcher watcher, long policy, String type) {
        long id = KafkaFixture.newComputerId();
        KafkaFixture.register(id, type, policy);
        await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.forKey(Long.toString(id))).isNotEmpty());
        return id;
    }

    /**
     * Waits until the relay has finished everything queued before now: a new computer's first configuration is
     * queued after it, and the relay works in order. Then reads every partition up to its end.
     */
    static void settle(KafkaFixture.Watcher watcher) {
        registered(watcher, 1, "physical");
        watcher.catchUp();
    }

    @Test
    void aBasePolicyChangeReachesEveryAffectedComputerAndOnlyThose() {
        long inheriting = createPolicy(uniqueName("inheriting"), 1);
        long deep = createPolicy(uniqueName("deep"), inheriting);
        long overriding = createPolicy(uniqueName("overriding"), 1);
        full().body("{\"value\":\"1 hour\"}").post("/api/policies/" + overriding + "/settings/" + INTERVAL)
                .then().statusCode(200);
        try (KafkaFixture.Watcher watcher = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
            long onBase = registered(watcher, 1, "physical");
            long onInheriting = registered(watcher, inheriting, "virtual-machine");
            long onDeep = registered(watcher, deep, "appliance");
            long onOverriding = registered(watcher, overriding, "physical");
            long withOwnValue = registered(watcher, inheriting, "physical");
            full().body("{\"value\":\"45 seconds\"}").post("/api/computers/" + withOwnValue + "/settings/" + INTERVAL)
                    .then().statusCode(200);
            await().atMost(WAIT).until(() -> latest(watcher, withOwnValue).heartbeatIntervalSeconds() == 45);
            settle(watcher);
            String before = latest(watcher, onBase).configFingerprint();
            assertThat(before).isEqualTo(ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX);

            try (KafkaFixture.Watcher after = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
                full().body("{\"value\":\"3 minutes\"}").post("/api/policies/1/settings/" + INTERVAL)
                        .then().statusCode(200);
                await().atMost(WAIT).untilAsserted(() -> {
                    for (long computer : List.of(onBase, onInheriting, onDeep)) {
                        assertThat(latest(after, computer).heartbeatIntervalSeconds()).isEqualTo(180);
                    }
                });
                settle(after);
                assertThat(after.forKey(Long.toString(onOverriding))).isEmpty();
                assertThat(after.forKey(Long.toString(withOwnValue))).isEmpty();
                for (long computer : List.of(onBase, onInheriting, onDeep)) {
                    assertThat(after.forKey(Long.toString(computer))).hasSize(1);
                    ComputerConfiguration config = latest(after, computer);
                    assertThat(config.configFingerprint()).isNotEqualTo(before)
                            .isEqualTo(ConfigFingerprint.of(config.configuration()));
                    assertThat(config.settings()).containsEntry(INTERVAL, "3 Minutes");
                }
                assertThat(latest(after, onDeep).policyID()).isEqualTo(deep);
            }
        } finally {
            full().delete("/api/policies/1/settings/" + INTERVAL).then().statusCode(200);
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("vigil_policy_fanout_duration_seconds_count"))
                .body(org.hamcrest.Matchers.containsString("vigil_policy_configurations_published_total{kind=\"computer\"}"));
    }

    @Test
    void aManagerOnlyChangeRepublishesWithTheSameFingerprint() {
        long policy = createPolicy(uniqueName("manager-only"), 1);
        try (KafkaFixture.Watcher watcher = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
            long computer = registered(watcher, policy, "physical");
            ComputerConfiguration first = latest(watcher, computer);
            assertThat(first.missedHeartbeatThreshold()).isEqualTo(2);
            full().body("{\"value\":\"Unlimited\"}")
                    .post("/api/policies/" + policy + "/settings/platformSettingHeartbeatMissedAlertThreshold")
                    .then().statusCode(200);
            await().atMost(WAIT).until(() -> latest(watcher, computer).missedHeartbeatThreshold() == null);
            full().body("{\"value\":\"true\"}").post("/api/computers/" + computer
                    + "/settings/platformSettingHeartbeatInactiveVmOfflineAlertEnabled").then().statusCode(200);
            await().atMost(WAIT).until(() -> latest(watcher, computer).inactiveVmOfflineAlertEnabled());
            ComputerConfiguration last = latest(watcher, computer);
            assertThat(last.configFingerprint()).isEqualTo(first.configFingerprint());
            assertThat(last.configuration()).isEqualTo(first.configuration());
            assertThat(last.settings()).containsEntry("platformSettingHeartbeatMissedAlertThreshold", "Unlimited");
        }
    }

    @Test
    void anUnchangedRegistrationPublishesNothingAndAMoveRepublishes() {
        long policy = createPolicy(uniqueName("move-target"), 1);
        full().body("{\"value\":\"Manager Initiated\"}")
                .post("/api/policies/" + policy + "/settings/platformSettingAgentCommunicationsDirection")
                .then().statusCode(200);
        try (KafkaFixture.Watcher watcher = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
            long computer = registered(watcher, 1, "physical");
            KafkaFixture.register(computer, "physical", 1);
            settle(watcher);
            assertThat(watcher.forKey(Long.toString(computer))).hasSize(1);
            KafkaFixture.register(computer, "physical", policy);
            await().atMost(WAIT).untilAsserted(() -> {
                ComputerConfiguration config = latest(watcher, computer);
                assertThat(config.policyID()).isEqualTo(policy);
                assertThat(config.configuration().communicationsDirection()).isEqualTo("Manager Initiated");
            });
        }
    }

    @Test
    void aComputerOnAMissingPolicyIsPublishedUnderTheBasePolicy() {
        try (KafkaFixture.Watcher watcher = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
            long computer = registered(watcher, 424_242, "physical");
            assertThat(latest(watcher, computer).policyID()).isEqualTo(1);
        }
    }

    @Test
    void aDeactivatedComputerGetsATombstone() {
        try (KafkaFixture.Watcher watcher = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
            long computer = registered(watcher, 1, "physical");
            KafkaFixture.deactivate(computer, 1);
            await().atMost(WAIT).untilAsserted(() ->
                    assertThat(watcher.forKey(Long.toString(computer)).getLast().value()).isNull());
        }
    }

    @Test
    void policiesArePublishedOnCreateAndChangeAndTombstonedOnDelete() {
        try (KafkaFixture.Watcher watcher = new KafkaFixture.Watcher(Topics.POLICY_CONFIG)) {
            String name = uniqueName("published");
            long policy = createPolicy(name, 1);
            String key = Long.toString(policy);
            await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.forKey(key)).hasSize(1));
            CloudEvent<PolicyConfiguration> created =
                    EventJson.readEvent(watcher.forKey(key).getFirst().value(), PolicyConfiguration.class);
            assertThat(created.type()).isEqualTo(EventTypes.POLICY_CONFIGURATION);
            assertThat(created.data().name()).isEqualTo(name);
            assertThat(created.data().parentID()).isEqualTo(1L);
            assertThat(created.data().configFingerprint())
                    .isEqualTo(ConfigFingerprint.of(created.data().configuration()));
            full().body("{\"value\":\"20 minutes\"}").post("/api/policies/" + policy + "/settings/" + INTERVAL)
                    .then().statusCode(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.forKey(key)).hasSize(2));
            assertThat(EventJson.readEvent(watcher.forKey(key).getLast().value(), PolicyConfiguration.class).data()
                    .configuration().heartbeatIntervalSeconds()).isEqualTo(1200);
            full().delete("/api/policies/" + policy).then().statusCode(204);
            await().atMost(WAIT).untilAsserted(() -> assertThat(watcher.forKey(key).getLast().value()).isNull());
        }
    }

    @Test
    void everyConsoleWriteIsAudited() {
        try (KafkaFixture.Watcher audit = new KafkaFixture.Watcher(Topics.AUDIT)) {
            long policy = createPolicy(uniqueName("audited"), 1);
            full().body("{\"value\":\"4 minutes\"}").post("/api/policies/" + policy + "/settings/" + INTERVAL)
                    .then().statusCode(200);
            full().delete("/api/policies/" + policy).then().statusCode(204);
            String key = "policy:" + policy;
            await().atMost(WAIT).untilAsserted(() -> assertThat(audit.forKey(key)).hasSize(3));
            List<AuditRecord> records = audit.forKey(key).stream()
                    .map(r -> EventJson.readEvent(r.value(), AuditRecord.class).data()).toList();
            assertThat(records).extracting(AuditRecord::action)
                    .containsExactly("policy.created", "policy.updated", "policy.deleted");
            assertThat(audit.forKey(key)).allSatisfy(r -> {
                assertThat(r.headers().lastHeader(KafkaBinding.CONTENT_TYPE_HEADER).value())
                        .asString(StandardCharsets.UTF_8).isEqualTo("application/cloudevents+json; charset=UTF-8");
                assertThat(EventJson.readEvent(r.value(), AuditRecord.class).dataschema())
                        .isEqualTo("https://schemas.vigil.io/events/audit.v1.schema.json");
            });
            assertThat(records).allSatisfy(r -> {
                assertThat(r.actor()).startsWith("api-key:");
                assertThat(r.service()).isEqualTo("policy-service");
                assertThat(r.resourceID()).isEqualTo(Long.toString(policy));
            });
            assertThat(records.get(0).before() == null || records.get(0).before().isNull()).isTrue();
            JsonNode after = records.get(1).after();
            assertThat(after.at("/policySettings/" + INTERVAL + "/value").asText()).isEqualTo("4 Minutes");
            assertThat(records.get(1).before().at("/policySettings/" + INTERVAL).isMissingNode()).isTrue();
            assertThat(records.get(2).after() == null || records.get(2).after().isNull()).isTrue();
            assertThat(records.get(2).before().get("name").asText()).startsWith("audited");

            long computer = io.vigil.policy.ApiFixture.computerOn(1, "physical");
            full().body("{\"value\":\"1 minute\"}").post("/api/computers/" + computer + "/settings/" + INTERVAL)
                    .then().statusCode(200);
            await().atMost(WAIT).untilAsserted(() -> assertThat(audit.forKey(Long.toString(computer))).hasSize(1));
            AuditRecord computerRecord = EventJson.readEvent(audit.forKey(Long.toString(computer)).getFirst().value(),
                    AuditRecord.class).data();
            assertThat(computerRecord.action()).isEqualTo("computer.settings.updated");
            assertThat(computerRecord.after().get(INTERVAL).asText()).isEqualTo("1 Minute");
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        try (KafkaFixture.Watcher dead = new KafkaFixture.Watcher(Topics.DEAD_LETTER);
             KafkaFixture.Watcher watcher = new KafkaFixture.Watcher(Topics.COMPUTER_CONFIG)) {
            String poisonKey = "poison-" + System.nanoTime();
            KafkaFixture.sendRaw(Topics.COMPUTERS, poisonKey, "not json".getBytes(StandardCharsets.UTF_8));
            long computer = registered(watcher, 1, "physical");
            await().atMost(WAIT).untilAsserted(() -> assertThat(dead.forKey(poisonKey)).hasSize(1));
            ConsumerRecord<String, byte[]> letter = dead.forKey(poisonKey).getFirst();
            Map<String, String> headers = java.util.stream.StreamSupport.stream(letter.headers().spliterator(), false)
                    .collect(Collectors.toMap(h -> h.key(), h -> new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(headers).containsEntry("vigil.source-topic", Topics.COMPUTERS).containsKey("vigil.reason")
                    .doesNotContainKey(KafkaBinding.CONTENT_TYPE_HEADER); // internal: no CloudEvents binding header
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
            assertThat(latest(watcher, computer).computerID()).isEqualTo(computer);
        }
    }
}
