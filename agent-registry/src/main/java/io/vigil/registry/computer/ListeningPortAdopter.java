package io.vigil.registry.computer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.registry.status.ListeningPortSink;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status engine's {@link ListeningPortSink}: adopts the listening ports agents reported through
 * {@link ComputerService#adoptListeningPorts}, in transactions of at most {@link #CHUNK} computers so that a fleet-wide
 * port change does not hold row locks for long. A singleton, so that its metric exists from the start.
 */
@Singleton
public class ListeningPortAdopter implements ListeningPortSink {

    static final int CHUNK = 500;
    private static final Logger LOG = Logger.getLogger(ListeningPortAdopter.class);

    private final ComputerService computers;
    private final Counter adopted;

    public ListeningPortAdopter(ComputerService computers, MeterRegistry registry) {
        this.computers = computers;
        this.adopted = Counter.builder("vigil.registry.listening.port.changes")
                .description("listening ports adopted from agents' heartbeats").register(registry);
    }

    @Override
    public void adopt(Map<Long, Integer> ports) {
        List<Map.Entry<Long, Integer>> all = new ArrayList<>(new TreeMap<>(ports).entrySet());
        for (int from = 0; from < all.size(); from += CHUNK) {
            Map<Long, Integer> chunk = new TreeMap<>();
            all.subList(from, Math.min(all.size(), from + CHUNK)).forEach(e -> chunk.put(e.getKey(), e.getValue()));
            try {
                for (ComputerService.PortChange change : computers.adoptListeningPorts(chunk)) {
                    LOG.infof("computer %d: listening port %d -> %d, as its agent reported", change.computerID(),
                            change.from(), change.to());
                    adopted.increment();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not adopt reported listening ports: " + e.getMessage(), e);
            }
        }
    }
}
