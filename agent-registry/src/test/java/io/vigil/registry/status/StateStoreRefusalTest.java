package io.vigil.registry.status;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.registry.RegistryTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last line behind {@link InputRules}, on the real PostgreSQL: when the database refuses a flush for one
 * computer's values (here a NUL in a host name, which the rules would have refused), the other rows and the resume
 * positions are still written and the refused computer is reported; before, the whole flush failed, every time.
 */
@QuarkusTest
@QuarkusTestResource(RegistryTestResource.class)
class StateStoreRefusalTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRowTheDatabaseRefusesIsLeftOutAndTheRestIsWritten() throws Exception {
        JdbcStateStore store = new JdbcStateStore(dataSource);
        int partition = 11;
        long good = 9_200_000_000L + ThreadLocalRandom.current().nextLong(1_000_000);
        long bad = good + 1;
        Position position = new Position("test-refusal-" + good, partition);

        List<JdbcStateStore.Refused> refused = store.write(List.of(row(good, partition, "web-01"),
                row(bad, partition, "evil\u0000host")), Map.of(position, 42L));

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.computerID()).isEqualTo(bad);
            assertThat(r.reason()).contains("0x00");
        });
        List<ComputerRuntime> stored = store.load(partition);
        assertThat(stored).filteredOn(rt -> rt.computerID() == good).singleElement()
                .satisfies(rt -> assertThat(rt.hostName()).isEqualTo("web-01"));
        assertThat(stored).noneMatch(rt -> rt.computerID() == bad);
        assertThat(store.positions(List.of(position))).containsEntry(position, 42L);
        assertThat(store.write(List.<Object[]>of(row(good, partition, "web-02")), Map.of(position, 43L))).isEmpty();
    }

    private static Object[] row(long id, int partition, String hostName) {
        ComputerRuntime rt = new ComputerRuntime(id, partition);
        rt.hostName = hostName;
        rt.registration = "activated";
        rt.vmState = "running";
        rt.status = "active";
        return rt.snapshot();
    }
}
