package io.vigil.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAccessTest {

    private static final Set<String> TOPICS = Topics.ALL.stream().map(Topics.Spec::name).collect(Collectors.toSet());
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyGrantNamesAnExistingTopic() {
        for (KafkaAccess.ServiceAccess access : KafkaAccess.ALL) {
            assertThat(TOPICS).as(access.service() + " writes").containsAll(access.writes());
            assertThat(TOPICS).as(access.service() + " reads").containsAll(access.reads());
        }
    }

    @Test
    void everyTopicButTheSharedOnesHasExactlyOneProducer() {
        Map<String, List<String>> producers = new HashMap<>();
        KafkaAccess.ALL.forEach(a -> a.writes().forEach(t ->
                producers.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(a.service())));
        for (String topic : TOPICS) {
            if (topic.equals(Topics.DEAD_LETTER) || topic.equals(Topics.AUDIT) || topic.equals(Topics.API_KEY_USAGE)) {
                assertThat(producers.get(topic)).as("producers of shared " + topic).hasSizeGreaterThan(1);
                continue;
            }
            assertThat(producers.get(topic)).as("producers of " + topic).hasSize(1);
        }
    }

    @Test
    void everyInternalTopicIsConsumedBySomeService() {
        Set<String> read = KafkaAccess.ALL.stream().flatMap(a -> a.reads().stream()).collect(Collectors.toSet());
        TOPICS.stream().filter(t -> t.startsWith("vigil.internal."))
                .forEach(t -> assertThat(read).as("readers of " + t).contains(t));
    }

    @Test
    void servicesAndGroupPrefixesAreDistinct() {
        assertThat(KafkaAccess.ALL.stream().map(KafkaAccess.ServiceAccess::service)).doesNotHaveDuplicates();
        List<String> prefixes = KafkaAccess.ALL.stream().map(KafkaAccess.ServiceAccess::groupPrefix)
                .filter(java.util.Objects::nonNull).toList();
        for (String a : prefixes) {
            for (String b : prefixes) {
                if (a != b) {
                    assertThat(b).as("group prefix overlap").doesNotStartWith(a);
                }
            }
        }
        assertThat(KafkaAccess.of("policy-service")).map(KafkaAccess.ServiceAccess::principal)
                .contains("User:policy-service");
        assertThat(KafkaAccess.of("nobody")).isEmpty();
    }

    /** The root README's service table is the ACL table: same principals, topics and group prefixes as the code. */
    @Test
    void rootReadmeTableSaysWhatTheCodeGrants() throws IOException {
        Map<String, String[]> rows = readmeRows(Files.readString(Path.of("..", "README.md")));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(
                KafkaAccess.ALL.stream().map(KafkaAccess.ServiceAccess::service).toList());
        for (KafkaAccess.ServiceAccess access : KafkaAccess.ALL) {
            String[] cells = rows.get(access.service());
            assertThat(codes(cells[1])).as(access.service() + " principal").containsExactly(access.principal());
            assertThat(codes(cells[3])).as(access.service() + " WRITE")
                    .containsExactlyInAnyOrderElementsOf(access.writes());
            assertThat(codes(cells[4])).as(access.service() + " READ")
                    .containsExactlyInAnyOrderElementsOf(access.reads());
            assertThat(codes(cells[5])).as(access.service() + " groups").containsExactlyElementsOf(
                    access.groupPrefix() == null ? List.of() : List.of(access.groupPrefix()));
        }
    }

    private static Map<String, String[]> readmeRows(String readme) {
        Map<String, String[]> rows = new HashMap<>();
        boolean inTable = false;
        for (String line : readme.lines().toList()) {
            if (line.startsWith("| service | principal |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                String[] cells = line.substring(1).split("\\|");
                rows.put(cells[0].trim(), cells);
            }
        }
        assertThat(inTable).as("README has the ACL table").isTrue();
        return rows;
    }

    private static List<String> codes(String cell) {
        Set<String> seen = new HashSet<>();
        Matcher m = CODE.matcher(cell);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            if (seen.add(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
