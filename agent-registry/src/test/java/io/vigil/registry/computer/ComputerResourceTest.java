package io.vigil.registry.computer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.registry.Api;
import io.vigil.registry.KafkaProbe;
import io.vigil.registry.RegistryTestResource;
import io.vigil.testkit.EventSchemas;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class ComputerResourceTest {

    @Test
    @SuppressWarnings("unchecked")
    void showsTheContractShape() {
        long id = Api.activate(Api.hostName("shape"));
        Map<String, Object> computer = Api.read().get("/api/computers/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertThat(computer).containsKeys("ID", "hostName", "platform", "agentVersion", "agentRelease",
                "computerType", "policyID", "lastAgentCommunication", "lastIPUsed", "agentAddress", "listeningPort",
                "computerStatus", "agentFingerPrint", "certificateExpiresAt", "missedHeartbeats", "driverStatus",
                "vmState", "offlineReason", "configuration", "tls");
        assertThat((Map<String, Object>) computer.get("configuration"))
                .containsKeys("reported", "expected", "upToDate", "lastOperation");
        assertThat((Map<String, Object>) computer.get("tls")).containsKeys("protocol", "cipherSuite");
    }

    @Test
    void updatesPlacementWithEventsAndAudit() {
        try (KafkaProbe computers = new KafkaProbe(Topics.COMPUTERS); KafkaProbe audit = new KafkaProbe(Topics.AUDIT)) {
            long id = Api.activate(Api.hostName("move"));
            Api.full().body(Map.of("policyID", 1, "agentAddress", "web-01.example.com", "listeningPort", 4200))
                    .post("/api/computers/" + id).then().statusCode(200)
                    .body("policyID", equalTo(1)).body("agentAddress", equalTo("web-01.example.com"))
                    .body("listeningPort", equalTo(4200));
            Api.full().body(Map.of("vmState", "stopped")).post("/api/computers/" + id).then().statusCode(200)
                    .body("vmState", equalTo("stopped"))
                    .body("computerStatus.agentStatus", equalTo("vm-stopped"))
                    .body("computerStatus.agentStatusMessages[0]", equalTo("VM Stopped"));
            String key = Long.toString(id);
            await().untilAsserted(() -> {
                List<ComputerRegistration> regs = computers.records(key).stream()
                        .map(r -> EventJson.readEvent(r.value(), ComputerRegistration.class))
                        .map(CloudEvent::data).toList();
                assertThat(regs).hasSize(3);
                assertThat(regs.get(1).listeningPort()).isEqualTo(4200);
                assertThat(regs.get(1).policyID()).isEqualTo(1);
                assertThat(regs.get(2).vmState()).isEqualTo("stopped");
                assertThat(audit.records(key)).extracting(r -> new String(r.value()))
                        .filteredOn(v -> v.contains("computer.updated")).hasSize(2)
                        .allSatisfy(v -> assertThat(v).contains("api-key:"));
            });
        }
    }

    @Test
    void rejectsBadUpdates() {
        long id = Api.activate(Api.hostName("badupd"));
        record Case(String body, String field) {
        }
        for (Case c : List.of(new Case("{\"policyID\":99}", "policyID"), new Case("{\"policyID\":\"7\"}", "policyID"),
                new Case("{\"listeningPort\":0}", "listeningPort"), new Case("{\"vmState\":\"paused\"}", "vmState"),
                new Case("{\"agentAddress\":\"a b\"}", "agentAddress"), new Case("{\"hostName\":\"x\"}", "hostName"),
                new Case("{}", "body"), new Case("{\"agentAddress\":\"999.1.1.1\"}", "agentAddress"))) {
            Api.full().body(c.body()).post("/api/computers/" + id).then().statusCode(400)
                    .contentType(Api.PROBLEM).body("invalidParams[0].name", equalTo(c.field()));
        }
        Api.full().body("{\"vmState\":\"stopped\"}").post("/api/computers/999999999").then().statusCode(404)
                .contentType(Api.PROBLEM);
        Api.full().body("{\"policyID\":" + RegistryTestResource.FAILING_POLICY + "}").post("/api/computers/" + id)
                .then().statusCode(503).contentType(Api.PROBLEM);
        Api.read().body("{\"vmState\":\"stopped\"}").post("/api/computers/" + id).then().statusCode(403);
        Api.read().get("/api/computers/abc").then().statusCode(404).contentType(Api.PROBLEM);
        Api.read().get("/api/computers/999999999").then().statusCode(404).contentType(Api.PROBLEM);
    }

    @Test
    void deactivationMakesTheComputerInactiveAndRevokesItsCertificate() {
        try (KafkaProbe computers = new KafkaProbe(Topics.COMPUTERS); KafkaProbe audit = new KafkaProbe(Topics.AUDIT)) {
            long id = Api.activate(Api.hostName("gone"));
            Api.full().delete("/api/computers/" + id).then().statusCode(204);
            Api.full().delete("/api/computers/" + id).then().statusCode(204);
            Api.read().get("/api/computers/" + id).then().body("computerStatus.agentStatus", equalTo("inactive"))
                    .body("computerStatus.agentStatusMessages[0]", equalTo("Deactivated"));
            Api.full().body("{\"vmState\":\"stopped\"}").post("/api/computers/" + id).then().statusCode(409);
            Api.full().delete("/api/computers/999999999").then().statusCode(404).contentType(Api.PROBLEM);
            Api.read().delete("/api/computers/" + id).then().statusCode(403);
            await().untilAsserted(() -> {
                assertThat(computers.records(Long.toString(id))).extracting(
                                r -> EventJson.readEvent(r.value(), ComputerRegistration.class).data().state())
                        .containsExactly("activated", "deactivated");
                assertThat(audit.records(Long.toString(id))).extracting(r -> new String(r.value()))
                        .filteredOn(v -> v.contains("computer.deactivated")).hasSize(1)
                        .allSatisfy(v -> assertThat(EventSchemas.problems(v)).isEmpty());
            });
        }
    }

    @Test
    void filtersByStatusPolicyAndHostNamePrefix() {
        String prefix = Api.hostName("flt");
        long a = Api.activate(prefix + "-a");
        long b = Api.activate(prefix + "-b");
        Api.full().body(Map.of("policyID", 1)).post("/api/computers/" + b).then().statusCode(200);
        Api.full().delete("/api/computers/" + a).then().statusCode(204);
        Api.read().get("/api/computers?hostName=" + prefix.toUpperCase()).then().statusCode(200)
                .body("computers", hasSize(2)).body("computers.hostName", everyItem(startsWith(prefix)));
        Api.read().get("/api/computers?hostName=" + prefix + "&status=inactive").then()
                .body("computers.ID", equalTo(List.of((int) a)));
        Api.read().get("/api/computers?hostName=" + prefix + "&status=active&policyID=1").then()
                .body("computers.ID", equalTo(List.of((int) b)));
        Api.read().get("/api/computers?hostName=" + prefix + "&policyID=7").then()
                .body("computers.ID", equalTo(List.of((int) a)));
        Api.read().get("/api/computers?hostName=%25").then().body("computers", hasSize(0));
    }

    @Test
    void pagingStaysCorrectWhileComputersAreAdded() {
        String prefix = Api.hostName("page");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(Api.activate(prefix + "-" + i));
        }
        List<Long> seen = new ArrayList<>();
        long after = 0;
        int added = 0;
        while (true) {
            List<Integer> page = Api.read().get("/api/computers?hostName=" + prefix + "&limit=2&after=" + after)
                    .then().statusCode(200).extract().jsonPath().getList("computers.ID", Integer.class);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(i -> seen.add(i.longValue()));
            after = page.getLast();
            if (added++ < 2) {
                expected.add(Api.activate(prefix + "-new-" + added));
            }
        }
        assertThat(seen).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void listsSayHowToGetTheNextPage() {
        String prefix = Api.hostName("next");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(Api.activate(prefix + "-" + i));
        }
        var first = Api.read().get("/api/computers?hostName=" + prefix + "&limit=2").then().statusCode(200)
                .extract();
        String next = first.path("next");
        assertThat(next).startsWith("/api/computers?").contains("hostName=" + prefix, "limit=2",
                "after=" + expected.get(1));
        assertThat(first.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        var last = Api.read().get(next).then().statusCode(200).extract();
        assertThat(last.jsonPath().getList("computers.ID", Long.class)).containsExactly(expected.get(2));
        assertThat(last.<String>path("next")).isNull();
        assertThat(last.header("Link")).isNull();
        var exact = Api.read().get("/api/computers?hostName=" + prefix + "&limit=3").then().extract();
        assertThat(exact.jsonPath().getList("computers.ID", Long.class)).containsExactlyElementsOf(expected);
        assertThat(exact.<String>path("next")).as("a page that ends the list has no next").isNull();
    }

    @Test
    void rejectsBadListQueries() {
        Api.read().get("/api/computers?status=sleeping").then().statusCode(400).contentType(Api.PROBLEM)
                .body("invalidParams[0].name", equalTo("status"));
        Api.read().get("/api/computers?policyID=x").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("policyID"));
        Api.read().get("/api/computers?limit=1001").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("limit"));
        Api.read().get("/api/computers?after=-1").then().statusCode(400)
                .body("invalidParams[0].name", equalTo("after"));
        io.restassured.RestAssured.given().get("/api/computers").then().statusCode(401);
    }
}
