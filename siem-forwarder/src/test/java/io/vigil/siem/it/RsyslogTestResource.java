package io.vigil.siem.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.Map;

/**
 * Starts rsyslog and hands the forwarder two receivers: every kind over TCP, and over TLS only alerts and audit of at
 * least warning severity (so only warning and critical alerts). The computers exist before the service starts.
 */
public class RsyslogTestResource implements QuarkusTestResourceLifecycleManager {

    static final long[] COMPUTERS = {9001, 9002};

    @Override
    public Map<String, String> start() {
        RsyslogServer rsyslog = RsyslogServer.shared();
        rsyslog.start();
        String bootstrap = Infrastructure.shared().bootstrapServers();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            for (long id : COMPUTERS) {
                ComputerRegistration registration = new ComputerRegistration(id, "host-" + id, "linux", "20.0.1",
                        "3445", "physical", 1, "10.0.0." + (id % 100), 4118, "running", ComputerRegistration.ACTIVATED,
                        "0a", Instant.now().plusSeconds(3600), Instant.now());
                String key = CloudEvents.computerKey(id);
                producer.send(new ProducerRecord<>(Topics.COMPUTERS, key, EventJson.toBytes(CloudEvents.create(
                        "/vigil/agent-registry", EventTypes.COMPUTER_REGISTERED, key, registration))));
            }
            producer.flush();
        }
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "vigil.siem.syslog.url", "tcp://127.0.0.1:" + rsyslog.tcpPort() + ",tls://127.0.0.1:"
                        + rsyslog.tlsPort() + "?kinds=alerts,audit&minSeverity=warning",
                "vigil.siem.tls.trust-store", rsyslog.certificate().toString(),
                "vigil.siem.syslog.hostname", "vigil-test-manager");
    }

    @Override
    public void stop() {
        RsyslogServer rsyslog = RsyslogServer.shared();
        if (rsyslog.running()) {
            rsyslog.stop();
        }
    }
}
