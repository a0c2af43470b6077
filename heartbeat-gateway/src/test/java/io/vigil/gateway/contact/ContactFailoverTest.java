package io.vigil.gateway.contact;

import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaFailures;
import io.vigil.testkit.Infrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two contact-group members (the gateway's assignment, coordinator and poller, with the production defaults for the
 * session timeout and first-poll spread) on the real broker: each computer is polled by exactly one member, and when
 * one member dies without leaving the group the other polls its computers within 30 seconds.
 */
class ContactFailoverTest {

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    private static final long SPREAD_MILLIS = 5_000;

    private record Poll(String member, long computerID, long atMillis) {
    }

    private final List<Poll> polls = new CopyOnWriteArrayList<>();
    private Set<Long> computers = Set.of();
    private final String group = "contact-failover-" + UUID.randomUUID();
    private Member a;
    private Member b;

    private final class Member {
        final String name;
        final ContactCoordinator coordinator = new ContactCoordinator(new PollSchedule(SPREAD_MILLIS), push -> {
        }, System::currentTimeMillis);
        final ContactAssignment assignment;
        final Poller poller;

        Member(String name) {
            this.name = name;
            assignment = new ContactAssignment(new KafkaClientFactory(Map.of("bootstrap.servers",
                    Infrastructure.shared().bootstrapServers())), KafkaFailures.NONE, group, SESSION_TIMEOUT,
                    coordinator);
            poller = new Poller(coordinator, id -> polls.add(new Poll(name, id, System.currentTimeMillis())), 8, 50);
            assignment.start();
            poller.start();
        }

        Set<Long> owns(Set<Long> computers) {
            return coordinator.ownedComputers().stream().filter(computers::contains).collect(Collectors.toSet());
        }

        void stop() {
            poller.stop();
            assignment.stop();
        }
    }

    @AfterEach
    void stopMembers() {
        for (Member member : new Member[]{a, b}) {
            if (member != null) {
                member.stop();
            }
        }
    }

    @Test
    void eachComputerIsPolledByOneMemberAndASurvivorTakesOverWithin30Seconds() {
        long base = 8_000_000 + ThreadLocalRandom.current().nextLong(1_000_000);
        computers = LongStream.range(base, base + 24).boxed().collect(Collectors.toSet());
        AgentConfiguration polled = new AgentConfiguration(2, "Manager Initiated", null, List.of("any"));
        computers.forEach(id -> io.vigil.gateway.support.Topics.publish(Topics.COMPUTER_CONFIG, id,
                EventTypes.COMPUTER_CONFIGURATION, new ComputerConfiguration(id, 1, Map.of(), polled,
                        ConfigFingerprint.of(polled), 2, 2, null, false, Instant.now())));

        a = new Member("a");
        await().atMost(Duration.ofSeconds(60)).until(() -> a.owns(computers).equals(computers));
        b = new Member("b");
        await().atMost(Duration.ofSeconds(60)).until(() -> !a.owns(computers).isEmpty()
                && !b.owns(computers).isEmpty() && a.owns(computers).size() + b.owns(computers).size() == 24);
        Set<Long> ofA = a.owns(computers);
        Set<Long> ofB = b.owns(computers);
        assertThat(ofA).doesNotContainAnyElementsOf(ofB);

        long settled = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(30)).until(() -> polledSince(settled, "a").containsAll(ofA)
                && polledSince(settled, "b").containsAll(ofB));
        assertThat(polledSince(settled, "a")).as("a polls only its own computers")
                .isSubsetOf(ofA).doesNotContainAnyElementsOf(ofB);
        assertThat(polledSince(settled, "b")).as("b polls only its own computers").isSubsetOf(ofB);

        a.poller.stop();
        a.assignment.crash(); // no LeaveGroup: the group notices only after the session timeout
        long died = System.currentTimeMillis();
        a = null;
        await().atMost(Duration.ofSeconds(30)).until(() -> polledSince(died, "b").containsAll(computers));
        assertThat(b.owns(computers)).isEqualTo(computers);
    }

    private Set<Long> polledSince(long sinceMillis, String member) {
        Set<Long> polled = new HashSet<>();
        polls.stream().filter(p -> p.member().equals(member) && p.atMillis() >= sinceMillis
                        && computers.contains(p.computerID())) // other tests' computers share the topic
                .forEach(p -> polled.add(p.computerID()));
        return polled;
    }
}
