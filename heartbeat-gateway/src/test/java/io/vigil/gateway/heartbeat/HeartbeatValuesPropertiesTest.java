package io.vigil.gateway.heartbeat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.events.EventJson;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.gateway.AgentBodies;
import io.vigil.gateway.AgentValues;
import io.vigil.gateway.kafka.EventPublisher.Outgoing;
import io.vigil.gateway.state.ExpectedConfiguration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Generated extreme and odd values, one field of an otherwise valid heartbeat at a time, through the gateway's
 * parsing and validation: the answer is either a 400 naming that field (or a part of it) or acceptance, and what is
 * accepted is within {@link AgentValues} and becomes events that serialise and read back. Never another exception.
 */
class HeartbeatValuesPropertiesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Writes bodies as an agent could: every non-ASCII character escaped, so unpaired surrogates survive. */
    private static final ObjectMapper AGENT = JsonMapper.builder(JsonFactory.builder()
                    .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final List<String> PATHS = List.of("agentVersion", "agentTime", "uptimeMillis", "driverStatus",
            "configFingerprint", "counters", "counters.eventsDropped", "events", "events[0]", "events[0].eventID",
            "events[0].time", "events[0].description", "events[0].data", "events[0].data.changeSeconds",
            "events[0].data.previousTime", "events[1].eventID", "events[1].data", "operationResults",
            "operationResults[0]", "operationResults[0].operationID", "operationResults[0].status",
            "operationResults[0].reason", "listeningPort");

    @Property(tries = 3000)
    void oneOddValueIsRefusedByNameOrAccepted(@ForAll("paths") String path, @ForAll("oddValues") JsonNode value) {
        ObjectNode body = validBody();
        set(body, path, value);
        assertAcceptedOrNamed(bytes(body), path);
    }

    @Property(tries = 500)
    void oddTimesAreRefusedByNameOrAcceptedWithinRange(@ForAll("timePaths") String path, @ForAll("times") String time) {
        ObjectNode body = validBody();
        set(body, path, JSON.textNode(time));
        Heartbeat accepted = assertAcceptedOrNamed(bytes(body), path);
        if (accepted != null) {
            assertThat(AgentValues.timeProblem(time)).isNull();
        }
    }

    @Property(tries = 300)
    void deeplyNestedDataIsRefusedByNameOrAccepted(@ForAll("depths") int depth, @ForAll boolean arrays) {
        JsonNode nested = JSON.textNode("leaf");
        for (int i = 0; i < depth; i++) {
            nested = arrays ? JSON.arrayNode().add(nested) : JSON.objectNode().set("x", nested);
        }
        ObjectNode body = validBody();
        ((ObjectNode) body.withArray("events").get(1)).set("data", JSON.objectNode().set("nested", nested));
        Heartbeat accepted = assertAcceptedOrNamed(bytes(body), "events[1].data");
        assertThat(accepted != null).isEqualTo(depth < AgentValues.MAX_DATA_DEPTH);
    }

    @Property(tries = 200)
    void unparseableBodiesAreA400NamingTheBody(@ForAll("garbage") byte[] body) {
        Throwable thrown = catchThrowable(() -> HeartbeatValidator.validate(AgentBodies.parse(body)));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ProblemException.class);
            assertThat(((ProblemException) thrown).problem().status()).isEqualTo(400);
            EventJson.toBytes(((ProblemException) thrown).problem());
        }
    }

    @Example
    void theFarFutureAgentTimeOfTheReportIsRefused() {
        ObjectNode body = validBody().put("agentTime", "+999999999-12-31T23:59:59Z");
        assertNamed(body, "agentTime");
    }

    @Example
    void edgesOfEveryRange() {
        accepted(validBody().put("agentTime", "1970-01-01T00:00:00Z"));
        assertNamed(validBody().put("agentTime", "1969-12-31T23:59:59.999Z"), "agentTime");
        accepted(validBody().put("agentTime", "2199-12-31T23:59:59.999999999Z"));
        assertNamed(validBody().put("agentTime", "2200-01-01T00:00:00Z"), "agentTime");
        assertNamed(validBody().put("agentTime", "2199-12-31T23:59:59-01:00"), "agentTime");
        assertNamed(validBody().put("agentTime", "2026-11-25T10:00Z"), "agentTime");
        assertNamed(validBody().put("agentTime", "2026-11-25T23:59:60Z"), "agentTime");
        accepted(validBody().put("uptimeMillis", AgentValues.MAX_SAFE_INTEGER));
        assertNamed(validBody().put("uptimeMillis", AgentValues.MAX_SAFE_INTEGER + 1), "uptimeMillis");
        assertNamed(withEvent(0, "eventID", JSON.numberNode(65_536)), "events[0].eventID");
        accepted(withEvent(0, "eventID", JSON.numberNode(65_535)));
        for (long shift : new long[]{AgentValues.MAX_SHIFT_SECONDS, -AgentValues.MAX_SHIFT_SECONDS}) {
            accepted(withChange(JSON.numberNode(shift)));
            assertNamed(withChange(JSON.numberNode(shift + Long.signum(shift))), "events[0].data.changeSeconds");
        }
        assertNamed(withChange(JSON.numberNode(Long.MIN_VALUE)), "events[0].data.changeSeconds");
        ObjectNode counters = validBody();
        counters.withObject("counters").put("eventsDropped", AgentValues.MAX_SAFE_INTEGER + 1);
        assertNamed(counters, "counters.eventsDropped");
        ObjectNode operation = validBody();
        ((ObjectNode) operation.withArray("operationResults").get(0)).put("operationID", Long.MAX_VALUE);
        assertNamed(operation, "operationResults[0].operationID");
        assertNamed(validBody().put("agentVersion", "20.0\u0000"), "agentVersion");
        assertNamed(validBody().put("agentVersion", "20.0\ud800"), "agentVersion");
        accepted(validBody().put("agentVersion", "20.0 \uD83D\uDE00 \u05D0"));
    }

    private static ObjectNode withEvent(int index, String member, JsonNode value) {
        ObjectNode body = validBody();
        ((ObjectNode) body.withArray("events").get(index)).set(member, value);
        return body;
    }

    private static ObjectNode withChange(JsonNode shift) {
        ObjectNode body = validBody();
        ((ObjectNode) body.withArray("events").get(0).get("data")).set("changeSeconds", shift);
        return body;
    }

    private static void accepted(ObjectNode body) {
        assertThat(assertAcceptedOrNamed(bytes(body), "-")).isNotNull();
    }

    private static void assertNamed(ObjectNode body, String path) {
        assertThatThrownBy(() -> HeartbeatValidator.validate(AgentBodies.parse(bytes(body))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().invalidParams())
                        .extracting(Problem.InvalidParam::name).contains(path));
    }

    /** Either the heartbeat (checked to map to events that serialise) or null after a 400 naming only the path. */
    private static Heartbeat assertAcceptedOrNamed(byte[] body, String path) {
        Heartbeat heartbeat;
        try {
            heartbeat = HeartbeatValidator.validate(AgentBodies.parse(body));
        } catch (ProblemException e) {
            Problem problem = e.problem();
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.invalidParams()).isNotEmpty().allSatisfy(p -> assertThat(
                    p.name().equals("body") || p.name().startsWith(path) || path.startsWith(p.name()))
                    .as("%s names %s", path, p.name()).isTrue());
            assertThat(new String(EventJson.toBytes(problem), StandardCharsets.UTF_8)).contains("invalidParams");
            return null;
        }
        assertWithinRange(heartbeat);
        List<Outgoing> events = HeartbeatEvents.of(42, "host-42", heartbeat,
                new Connection("127.0.0.1", "TLSv1.3", "TLS_AES_128_GCM_SHA256", false),
                ExpectedConfiguration.DEFAULTS, "01", Instant.now());
        CloudEvent<HeartbeatReceived> received = EventJson.readEvent(EventJson.toBytes(events.getFirst().event()),
                HeartbeatReceived.class);
        assertThat(received.data().agentTime()).isEqualTo(heartbeat.agentTime());
        for (Outgoing out : events.subList(1, events.size())) {
            assertThat(EventJson.readEvent(EventJson.toBytes(out.event()), AgentEvent.class).data().time())
                    .isNotNull();
        }
        return heartbeat;
    }

    private static void assertWithinRange(Heartbeat heartbeat) {
        assertThat(AgentValues.timeProblem(heartbeat.agentTime())).isNull();
        assertThat(heartbeat.uptimeMillis() == null ? 0 : heartbeat.uptimeMillis())
                .isBetween(0L, AgentValues.MAX_SAFE_INTEGER);
        assertThat(heartbeat.counters().values()).allSatisfy(v -> assertThat(v)
                .isBetween(0L, AgentValues.MAX_SAFE_INTEGER));
        assertThat(heartbeat.events()).allSatisfy(e -> {
            assertThat((long) e.eventID()).isBetween(0L, AgentValues.MAX_EVENT_ID);
            assertThat(AgentValues.timeProblem(e.time())).isNull();
        });
        assertThat(ClockChanges.of(heartbeat.events())).allSatisfy(c -> assertThat(Math.abs(c.changeSeconds()))
                .isLessThanOrEqualTo(AgentValues.MAX_SHIFT_SECONDS));
        assertThat(heartbeat.operationResults()).allSatisfy(r -> assertThat(r.operationID())
                .isBetween(0L, AgentValues.MAX_SAFE_INTEGER));
    }

    static ObjectNode validBody() {
        ObjectNode body = JSON.objectNode().put("agentVersion", "20.0.1-3445")
                .put("agentTime", "2026-11-25T10:00:00.123Z").put("uptimeMillis", 8_123_456)
                .put("driverStatus", "Online").put("configFingerprint", "sha256:" + "3f".repeat(32))
                .put("listeningPort", 4118);
        body.putObject("counters").put("eventsDropped", 0).put("firewallPacketsBlocked", 12);
        ArrayNode events = body.putArray("events");
        ObjectNode clock = events.addObject().put("eventID", 5004).put("time", "2026-11-25T09:59:01Z")
                .put("description", "Clock changed");
        clock.putObject("data").put("previousTime", "2026-11-25T09:29:01Z").put("changeSeconds", 1800);
        events.addObject().put("eventID", 7).put("time", "2026-11-25T09:59:02Z").putObject("data").put("k", "v");
        body.putArray("operationResults").addObject().put("operationID", 17).put("status", "applied");
        return body;
    }

    /** Replaces the value at a path such as {@code events[0].data.changeSeconds}. */
    private static void set(ObjectNode body, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = step(parent, steps[i]);
        }
        String last = steps[steps.length - 1];
        int bracket = last.indexOf('[');
        if (bracket < 0) {
            ((ObjectNode) parent).set(last, value);
        } else {
            ((ArrayNode) parent.get(last.substring(0, bracket)))
                    .set(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)), value);
        }
    }

    private static JsonNode step(JsonNode node, String step) {
        int bracket = step.indexOf('[');
        return bracket < 0 ? node.get(step) : node.get(step.substring(0, bracket))
                .get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return AGENT.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<String> timePaths() {
        return Arbitraries.of("agentTime", "events[0].time", "events[1].time", "events[0].data.previousTime");
    }

    @Provide
    Arbitrary<Integer> depths() {
        return Arbitraries.integers().between(1, 3000);
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.strings().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(1, 5000).map(n -> ("[".repeat(n) + "]".repeat(n))
                        .getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(1, 5000).map(n -> ("{\"a\":".repeat(n) + "1" + "}".repeat(n))
                        .getBytes(StandardCharsets.UTF_8)),
                Arbitraries.integers().between(300, 3000).map(n -> ("{\"uptimeMillis\":" + "9".repeat(n) + "}")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> years = Arbitraries.oneOf(Arbitraries.integers().between(0, 9999)
                        .map(y -> String.format("%04d", y)),
                Arbitraries.of("+999999999", "-999999999", "+10000", "-0001", "1969", "1970", "2199", "2200", "20"));
        Arbitrary<String> fractions = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12).map(f -> "." + f));
        Arbitrary<String> offsets = Arbitraries.of("Z", "z", "+00:00", "-00:00", "+18:00", "-18:00", "+23:59",
                "+01", "", " UTC", "+0100", "+14:00");
        Arbitrary<String> built = Combinators.combine(years, Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32), Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 61), fractions, offsets).as((y, mo, d, h, s, f, o) ->
                y + "-" + String.format("%02d-%02dT%02d:%02d:%02d", mo, d, h, s % 60, s) + f + o);
        return Arbitraries.oneOf(built, Arbitraries.of("", " ", "yesterday", "2026-11-25", "2026-11-25 10:00:00Z",
                "2026-11-25T10:00:00.123Z\u0000", "\u202E2026-11-25T10:00:00Z", "１９７０-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00+01:00"));
    }

    @Provide
    Arbitrary<JsonNode> oddValues() {
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.longs().map(JSON::numberNode),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L,
                        AgentValues.MAX_SAFE_INTEGER, AgentValues.MAX_SAFE_INTEGER + 1, 65_535L, 65_536L,
                        (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, AgentValues.MAX_SHIFT_SECONDS,
                        AgentValues.MAX_SHIFT_SECONDS + 1).map(JSON::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(JSON::numberNode),
                Arbitraries.of(1.5, -0.0, 1e308, -1e308, 4118.0, Double.MIN_VALUE).map(JSON::numberNode));
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(4),
                Arbitraries.of("", " ", "\u0000", "Online", "applied", "failed", "sha256:" + "0".repeat(64),
                        "+999999999-12-31T23:59:59Z", "2026-11-25T10:00:00Z", "\uD83D\uDE00", "null", "4118",
                        "\u202Eevil"),
                Arbitraries.integers().between(60, 70_000).map("x"::repeat)).map(JSON::textNode);
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(numbers, strings,
                Arbitraries.of(JSON.nullNode(), JSON.booleanNode(true), JSON.booleanNode(false)));
        Arbitrary<JsonNode> containers = Arbitraries.oneOf(
                scalars.list().ofMaxSize(5).map(list -> (JsonNode) JSON.arrayNode().addAll(list)),
                Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(70), scalars).ofMaxSize(5)
                        .map(map -> {
                            ObjectNode object = JSON.objectNode();
                            map.forEach(object::set);
                            return object;
                        }),
                Arbitraries.integers().between(1, 1200).map(depth -> {
                    JsonNode nested = JSON.numberNode(1);
                    for (int i = 0; i < depth; i++) {
                        nested = JSON.objectNode().set("changeSeconds", nested);
                    }
                    return nested;
                }),
                Arbitraries.integers().between(201, 10_050).map(n -> {
                    ArrayNode many = JSON.arrayNode();
                    for (int i = 0; i < n; i++) {
                        many.add(JSON.objectNode().put("eventID", 1).put("time", "2026-11-25T10:00:00Z"));
                    }
                    return many;
                }));
        return Arbitraries.oneOf(scalars, scalars, containers);
    }
}
