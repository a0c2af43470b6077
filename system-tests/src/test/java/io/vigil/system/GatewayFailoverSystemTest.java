package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.agent.AgentSettings;
import io.vigil.agent.ReferenceAgent;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Manager Initiated failover is the platform's problem": two gateway replicas (the platform's own is stopped, so they
 * are the whole contact group, with the production defaults) poll reference agents that only listen, every 5 s,
 * threshold 3 (deadline 20.5 s after the last heartbeat). The replica that owns some of them is killed (SIGKILL, no
 * leaving the group). No computer becomes offline (agent-registry) or gets an agent-offline alert (alert-service and
 * {@code vigil.alerts}), and the survivor polls each computer it took over at once: within 2.5 s of getting its
 * partition, by its own log's clock (half an interval; before, a taken-over computer waited a spread of up to 5 s,
 * after a 10 s session timeout).
 */
class GatewayFailoverSystemTest {

    private static final int INTERVAL_SECONDS = 5;
    private static final int THRESHOLD = 3;
    private static final long DEADLINE_MILLIS = (THRESHOLD + 1) * INTERVAL_SECONDS * 1000L + 500;
    private static final int AGENTS = 8;
    private static final int PARTITIONS = 12;
    private static final Pattern GAINED = Pattern.compile("now contacting the computers of \\S+ partitions \\[([0-9, ]*)]");
    /** The form of the time a log line starts with (the length is what counts). */
    private static final Pattern LOST = Pattern.compile("no longer contacting the computers of partitions \\[([0-9, ]*)]");

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);

    @Test
    void aReplicasDeathTurnsNoPolledComputerOfflineAndTheSurvivorPollsItsNewComputersAtOnce() throws Exception {
        long policyID = console.createPolicy("failover-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", INTERVAL_SECONDS + " Seconds",
                "platformSettingHeartbeatMissedAlertThreshold", Integer.toString(THRESHOLD),
                "platformSettingAgentCommunicationsDirection", "Manager Initiated"));
        ServiceProcess shared = platform.service("heartbeat-gateway");
        GatewayReplica a = GatewayReplica.of(platform, "gateway-replica-a");
        GatewayReplica b = GatewayReplica.of(platform, "gateway-replica-b");
        List<ReferenceAgent> agents = new ArrayList<>();
        Map<Long, String> statuses = new ConcurrentHashMap<>();
        try {
            shared.stop(); // leaves the contact group: the two replicas below are all of it
            a.process().start();
            b.process().start();
            a.process().awaitReady();
            b.process().awaitReady();
            for (int i = 0; i < AGENTS; i++) {
                agents.add(activateListening(a, policyID, "failover-" + i + "-" + System.nanoTime()));
            }
            await("every agent is polled").atMost(Duration.ofSeconds(90)).until(() ->
                    agents.stream().allMatch(agent -> agent.answeredHeartbeatRequests() >= 2));

            Set<Integer> ofA = owned(a.log());
            List<Long> takenOver = agents.stream().map(ReferenceAgent::computerID)
                    .filter(id -> ofA.contains(partition(id))).toList();
            assertThat(takenOver).as("replica a polls some of the agents (its partitions %s)", ofA).isNotEmpty();

            long killedAt = System.currentTimeMillis();
            a.process().kill();
            long[] assignedAt = {0};
            await("the survivor owns a's partitions").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        watch(agents, statuses);
                        assignedAt[0] = gainedAt(b.log(), ofA, killedAt);
                        return assignedAt[0] != 0;
                    });
            await("every agent polled after the last deadline could have passed").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        watch(agents, statuses);
                        return System.currentTimeMillis() > killedAt + DEADLINE_MILLIS + 3_000;
                    });

            List<String> report = new ArrayList<>();
            for (long id : takenOver) {
                List<Long> polls = polls(id);
                long before = polls.stream().filter(t -> t <= killedAt).max(Long::compare).orElseThrow();
                long after = polls.stream().filter(t -> t > killedAt).min(Long::compare).orElseThrow();
                report.add("computer " + id + ": silent " + (after - before) + " ms, polled "
                        + (after - assignedAt[0]) + " ms after the survivor owned its partition");
                assertThat(after - before).as("silence of computer %d", id).isLessThan(DEADLINE_MILLIS);
                assertThat(after - assignedAt[0]).as("computer %d polled at once by its new owner", id)
                        .isLessThan(INTERVAL_SECONDS * 1000L / 2);
            }
            System.out.printf("failover: killed at +0, survivor owned a's partitions %s at +%d ms; %s%n", ofA,
                    assignedAt[0] - killedAt, report);
            assertThat(statuses).as("no computer was ever seen offline").doesNotContainValue("offline");
            assertThat(statuses).hasSize(AGENTS);
            for (ReferenceAgent agent : agents) {
                assertThat(console.offlineAlerts(agent.computerID())).as("agent-offline alerts of %d",
                        agent.computerID()).isEmpty();
            }
            assertThat(offlineAlertEvents(agents)).as("agent-offline on vigil.alerts").isEmpty();
        } finally {
            for (ReferenceAgent agent : agents) {
                agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            b.process().stop();
            a.process().kill();
            if (!shared.alive()) {
                shared.start().awaitReady();
            }
        }
    }

    /** A reference agent activated through the replica that listens for the manager's heartbeat requests. */
    private ReferenceAgent activateListening(GatewayReplica through, long policyID, String hostName) throws Exception {
        JsonPath token = console.createToken(policyID, 1).extract().jsonPath();
        ReferenceAgent agent = new ReferenceAgent(AgentSettings.builder(through.url(), token.getString("token"),
                token.getString("managerCaSha256")).hostName(hostName).listeningPort(0).build());
        agent.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
        return agent;
    }

    /** The partitions a replica owns now, as its log tells (gained minus lost, in order). */
    private static Set<Integer> owned(Path log) throws IOException {
        Set<Integer> owned = new TreeSet<>();
        for (ServiceLog.Line line : ServiceLog.read(log)) {
            Matcher gained = GAINED.matcher(line.message());
            Matcher lost = LOST.matcher(line.message());
            if (gained.find()) {
                owned.addAll(numbers(gained.group(1)));
            } else if (lost.find()) {
                owned.removeAll(numbers(lost.group(1)));
            }
        }
        return owned;
    }

    /** When (its log's clock) the replica came to own all of the partitions after {@code sinceMillis}; 0: not yet. */
    private static long gainedAt(Path log, Set<Integer> partitions, long sinceMillis) throws IOException {
        Set<Integer> owned = new TreeSet<>();
        for (ServiceLog.Line line : ServiceLog.read(log)) {
            Matcher gained = GAINED.matcher(line.message());
            Matcher lost = LOST.matcher(line.message());
            if (gained.find()) {
                owned.addAll(numbers(gained.group(1)));
                long at = line.time().toEpochMilli();
                if (at >= sinceMillis && owned.containsAll(partitions)) {
                    return at;
                }
            } else if (lost.find()) {
                owned.removeAll(numbers(lost.group(1)));
            }
        }
        return 0;
    }

    private static List<Integer> numbers(String list) {
        return list.isBlank() ? List.of()
                : java.util.Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static int partition(long computerID) {
        return BuiltInPartitioner.partitionForKey(Long.toString(computerID).getBytes(StandardCharsets.UTF_8),
                PARTITIONS);
    }

    /** Notes each computer's status as agent-registry shows it; an offline one stays noted. */
    private void watch(List<ReferenceAgent> agents, Map<Long, String> statuses) {
        for (ReferenceAgent agent : agents) {
            String status = console.registry().get("/api/computers/" + agent.computerID()).then().statusCode(200)
                    .extract().jsonPath().getString("computerStatus.agentStatus");
            statuses.merge(agent.computerID(), status, (was, now) -> "offline".equals(was) ? was : now);
        }
    }

    /** Broker receive times of the computer's polled heartbeats. */
    private List<Long> polls(long computerID) {
        return TopicRecords.forComputer(platform.infrastructure.bootstrapServers(), Topics.HEARTBEATS, computerID)
                .stream().filter(r -> JsonPath.from(r.value()).getBoolean("data.viaPoll"))
                .map(ConsumerRecord::timestamp).toList();
    }

    private List<String> offlineAlertEvents(List<ReferenceAgent> agents) {
        Set<String> ours = new java.util.HashSet<>();
        agents.forEach(agent -> ours.add(Long.toString(agent.computerID())));
        return TopicRecords.all(platform.infrastructure.bootstrapServers(), Topics.ALERTS).stream()
                .filter(r -> ours.contains(r.key()) && r.value() != null)
                .filter(r -> "agent-offline".equals(JsonPath.from(r.value()).getString("data.alertType")))
                .map(ConsumerRecord::value).toList();
    }
}
