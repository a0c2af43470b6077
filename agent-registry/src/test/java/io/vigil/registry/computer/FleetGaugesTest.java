package io.vigil.registry.computer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.registry.Api;
import io.vigil.registry.RegistryTestResource;
import io.vigil.registry.status.StatusRules;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil_registry_computers{status}} counts the computers as {@code GET /api/computers?status=} lists them. */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class FleetGaugesTest {

    @Inject
    FleetGauges gauges;

    @Inject
    MeterRegistry meters;

    private double gauge(String status) {
        return meters.get("vigil.registry.computers").tag("status", status).gauge().value();
    }

    /** Every computer of that status, page by page. */
    private static int listed(String status) {
        int count = 0;
        long after = 0;
        while (true) {
            List<Long> ids = Api.read().get("/api/computers?status=" + status + "&limit=1000&after=" + after)
                    .then().statusCode(200).extract().jsonPath().getList("computers.ID", Long.class);
            count += ids.size();
            if (ids.size() < 1000) {
                return count;
            }
            after = ids.getLast();
        }
    }

    @Test
    void theFleetByStatusIsWhatTheConsoleLists() {
        long stopped = Api.activate(Api.hostName("gauge-vm"));
        Api.full().body(Map.of("vmState", "stopped")).post("/api/computers/" + stopped).then().statusCode(200);
        Api.activate(Api.hostName("gauge-active"));

        gauges.refresh();

        assertThat(gauge(StatusRules.VM_STOPPED)).isGreaterThanOrEqualTo(1);
        for (String status : StatusRules.ALL) {
            assertThat(gauge(status)).as(status).isEqualTo(listed(status));
        }
        assertThat(meters.get("vigil.registry.computers.out.of.date").gauge().value()).isGreaterThanOrEqualTo(0);
    }
}
