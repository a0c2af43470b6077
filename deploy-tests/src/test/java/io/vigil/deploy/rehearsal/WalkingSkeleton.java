package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.agent.AgentSettings;
import io.vigil.agent.ReferenceAgent;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What users do with a fresh deployment: the console sets the Base Policy, creates an activation token; a reference
 * agent activates over TLS on the gateway's agent port and sends heartbeats; a Base Policy change reaches the agent;
 * the agent falls silent and the offline alert appears on the console REST API, on {@code vigil.alerts} and as CEF at
 * the SIEM's rsyslog.
 */
final class WalkingSkeleton implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETTINGS = "/api/policies/1/settings/";

    private final Rehearsal rehearsal;
    private final ConsoleClient console;
    private ReferenceAgent agent;

    WalkingSkeleton(Rehearsal rehearsal) throws Exception {
        this.rehearsal = rehearsal;
        this.console = new ConsoleClient(apiKeyFromTheSecret(rehearsal));
    }

    /** The key as the console operator has it: from the Secret the services mount. */
    private static String apiKeyFromTheSecret(Rehearsal rehearsal) {
        String keys = rehearsal.cluster.secret("vigil-api-keys").get("api-keys");
        return keys.split(",")[0].split(":")[0].trim();
    }

    private String url(String portKey, String path) {
        return "http://127.0.0.1:" + rehearsal.ports.get(portKey) + path;
    }

    void run() throws Exception {
        setBase("platformSettingHeartbeatInterval", "3 Seconds");
        setBase("platformSettingHeartbeatMissedAlertThreshold", "1");
        setBase("platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated");
        // a 503 (policy-service slow to answer agent-registry's check) says "try again later": the console does
        JsonNode token = await("an activation token").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsMatching(e -> e.getMessage() != null && e.getMessage().contains(": 503 "))
                .until(() -> console.post(url("agentRegistry.port", "/api/activationtokens"),
                        Map.of("policyID", 1, "expiresInSeconds", 3600, "maxUses", 1), 201), t -> t != null);

        URI gateway = URI.create("https://127.0.0.1:" + rehearsal.ports.get("heartbeatGateway.agentPort"));
        agent = new ReferenceAgent(AgentSettings.builder(gateway, token.get("token").asText(),
                token.get("managerCaSha256").asText()).hostName("rehearsal-01").listen(false).build());
        agent.start().toCompletableFuture().get(120, TimeUnit.SECONDS);
        long id = agent.computerID();
        await("heartbeats accepted").atMost(Duration.ofSeconds(60)).until(() -> agent.acceptedHeartbeats() >= 2);
        assertThat(agent.heartbeatIntervalSeconds()).isEqualTo(3);
        await("computer active in the registry").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(computer(id).path("computerStatus").path("agentStatus").asText()).isEqualTo("active"));

        setBase("platformSettingHeartbeatInterval", "2 Seconds");
        await("the Base Policy change reaches the agent").atMost(Duration.ofSeconds(60))
                .until(() -> agent.heartbeatIntervalSeconds() == 2);
        await("the registry has the agent's configuration").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(computer(id).path("configuration").path("reported").asText())
                        .isEqualTo(agent.configFingerprint()));

        agent.pauseHeartbeats();
        String query = "/api/alerts?state=active&alertType=agent-offline&computerID=" + id;
        await("agent-offline on the console").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(console.get(url("alertService.port", query)).path("alerts")).hasSize(1));
        await("agent-offline raised on vigil.alerts").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(alertEventTypes(id)).contains("vigil.alert.raised.v1"));
        await("agent-offline as CEF at rsyslog").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rehearsal.syslog.received()).anySatisfy(line -> assertThat(line)
                        .contains("CEF:0|", " agent-offline ", "act=raised", "cs1=" + id)));
    }

    private void setBase(String setting, String value) throws Exception {
        console.post(url("policyService.port", SETTINGS + setting), Map.of("value", value), 200);
    }

    private JsonNode computer(long id) throws Exception {
        return console.get(url("agentRegistry.port", "/api/computers/" + id));
    }

    /** The CloudEvent types on vigil.alerts for the computer, read as the platform's super user. */
    private List<String> alertEventTypes(long id) throws Exception {
        Map<String, Object> config = new HashMap<>(rehearsal.stack.kafka().admin(rehearsal.stack.bootstrapServers()));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (Long.toString(id).equals(r.key())) {
                        types.add(JSON.readTree(r.value()).path("type").asText());
                    }
                }
            }
        }
        return types;
    }

    @Override
    public void close() throws Exception {
        if (agent != null) {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
