package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vigil.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shell scripts of the two hook Jobs as rendered, with the Jobs' environment (secret references and
 * $(VAR) expansion resolved as the kubelet would), against recording stand-ins for kafka-topics.sh,
 * kafka-configs.sh and kubectl; the CA Job uses the real openssl.
 */
class HookScriptsTest {

    @TempDir
    Path work;

    @Test
    void topicJobCreatesEveryTopicWithSaslClientSettings() throws Exception {
        // production pins the services by digest, so a topic Job must be pinned too
        Manifests production = Manifests.parse(HelmChart.render(Map.of("topics.mode", "job",
                "topics.job.imageDigest", "sha256:" + "ab".repeat(32)), HelmChart.values("production.yaml")));
        Container container = container(production.get(Job.class, "vigil-topics"));
        Path home = work.resolve("kafka");
        Path calls = work.resolve("calls.txt");
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh")) {
            Path script = Files.createDirectories(home.resolve("bin")).resolve(tool);
            Files.writeString(script, "#!/bin/sh\necho \"" + tool + " $*\" >> " + calls + "\n");
            script.toFile().setExecutable(true);
        }
        String script = container.getArgs().getFirst().replace("/opt/kafka/bin", home.resolve("bin").toString())
                .replace("/tmp/client.properties", work.resolve("client.properties").toString());
        // the topic Job's own Kafka user, its Secret in the layout of a Strimzi user Secret
        Map<String, String> env = environment(container, Map.of("prod-vigil-topics/sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"prod-vigil-topics\" "
                        + "password=\"s3cret\";", "prod-vigil-topics/password", "s3cret"));
        assertThat(run(List.of("bash", "-ec", script), env)).isZero();

        String properties = Files.readString(work.resolve("client.properties"));
        assertThat(properties).contains("security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"prod-vigil-topics\" password=\"s3cret\";",
                "ssl.truststore.type=PEM", "ssl.truststore.location=/etc/vigil/kafka-ca/ca.crt");
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).hasSize(2 * Topics.ALL.size());
        for (Topics.Spec spec : Topics.ALL) {
            String create = lines.stream().filter(l -> l.startsWith("kafka-topics.sh")
                    && l.contains("--topic " + spec.name() + " ")).findFirst().orElseThrow();
            assertThat(create).contains("--bootstrap-server prod-kafka-bootstrap.kafka.svc:9093,prod-kafka-1.kafka.svc:9093",
                    "--create --if-not-exists", "--partitions " + spec.partitions() + " ", "--replication-factor 3",
                    "--config min.insync.replicas=2");
            spec.config().forEach((k, v) -> assertThat(create).contains("--config " + k + "="));
            assertThat(lines).anyMatch(l -> l.startsWith("kafka-configs.sh") && l.contains("--alter")
                    && l.contains("--entity-name " + spec.name() + " ") && l.contains("min.insync.replicas=2"));
        }
    }

    @Test
    void caJobCreatesACaOnceAndKeepsAnExistingOne() throws Exception {
        Container container = container(Manifests.parse(HelmChart.render()).get(Job.class, "vigil-ca-create"));
        Path calls = work.resolve("kubectl.txt");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Path caWork = Files.createDirectories(work.resolve("ca-work"));
        Map<String, String> env = caJobEnvironment(container, calls, secrets);
        String script = container.getArgs().getFirst().replace("/work", caWork.toString());

        assertThat(run(List.of("sh", "-ec", script), env)).isZero();
        assertThat(Files.readAllLines(calls)).anyMatch(l -> l.startsWith("kubectl create secret generic vigil-ca -n vigil")
                && l.contains("--from-file=ca.crt=ca.crt") && l.contains("--from-file=ca.key=ca.key"));
        assertThat(caWork.resolve("ca.key")).doesNotExist();
        String text = openssl("x509", "-noout", "-text", "-in", secrets.resolve("vigil-ca/ca.crt").toString());
        assertThat(text).contains("CA:TRUE", "Certificate Sign", "Subject: CN = Vigil Platform CA",
                "Public-Key: (3072 bit)");
        assertServiceCertificate(secrets, "agent-registry");
        assertServiceCertificate(secrets, "policy-service");

        // a second run (upgrade, or a second Job racing) keeps the existing CA and the current service certificates
        Files.delete(calls);
        assertThat(run(List.of("sh", "-ec", script), env)).isZero();
        assertThat(Files.readAllLines(calls)).noneMatch(l -> l.contains(" create ") || l.contains(" delete "));
    }

    @Test
    void caJobIssuesMissingOrExpiringServiceCertificatesFromTheExistingCa() throws Exception {
        Container container = container(Manifests.parse(HelmChart.render()).get(Job.class, "vigil-ca-create"));
        Path calls = work.resolve("kubectl.txt");
        Path secrets = Files.createDirectories(work.resolve("secrets"));
        Path caWork = Files.createDirectories(work.resolve("ca-work"));
        Map<String, String> env = caJobEnvironment(container, calls, secrets);
        String script = container.getArgs().getFirst().replace("/work", caWork.toString());
        assertThat(run(List.of("sh", "-ec", script), env)).isZero();
        byte[] ca = Files.readAllBytes(secrets.resolve("vigil-ca/ca.crt"));
        byte[] policy = Files.readAllBytes(secrets.resolve("vigil-policy-service-tls/tls.crt"));

        // agent-registry's Secret deleted, policy-service's about to expire (10 days left)
        deleteRecursively(secrets.resolve("vigil-agent-registry-tls"));
        Path dir = secrets.resolve("vigil-policy-service-tls");
        openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=old", "-keyout",
                dir.resolve("tls.key").toString(), "-out", work.resolve("old.csr").toString());
        openssl("x509", "-req", "-in", work.resolve("old.csr").toString(), "-CA",
                secrets.resolve("vigil-ca/ca.crt").toString(), "-CAkey", secrets.resolve("vigil-ca/ca.key").toString(),
                "-set_serial", "7", "-days", "10", "-out", dir.resolve("tls.crt").toString());
        Files.delete(calls);
        assertThat(run(List.of("sh", "-ec", script), env)).isZero();

        assertThat(Files.readAllBytes(secrets.resolve("vigil-ca/ca.crt"))).as("the CA is kept").isEqualTo(ca);
        assertServiceCertificate(secrets, "agent-registry");
        assertServiceCertificate(secrets, "policy-service");
        assertThat(Files.readAllBytes(secrets.resolve("vigil-policy-service-tls/tls.crt"))).isNotEqualTo(policy);
        assertThat(caWork.resolve("ca.key")).doesNotExist();
    }

    /** The Secret holds a certificate of the CA naming the service, for client and server use, and its PKCS#8 key. */
    private void assertServiceCertificate(Path secrets, String service) throws Exception {
        Path dir = secrets.resolve("vigil-" + service + "-tls");
        String text = openssl("x509", "-noout", "-text", "-in", dir.resolve("tls.crt").toString());
        assertThat(text).contains("URI:urn:vigil:service:" + service, "CA:FALSE",
                "TLS Web Server Authentication, TLS Web Client Authentication", "Digital Signature");
        assertThat(openssl("verify", "-CAfile", secrets.resolve("vigil-ca/ca.crt").toString(),
                dir.resolve("tls.crt").toString())).contains(": OK");
        assertThat(Files.readString(dir.resolve("tls.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    /**
     * The CA Job's environment with a stand-in for kubectl that keeps Secrets as directories under {@code secrets}
     * (get, get -o jsonpath={.data.KEY}, create secret generic/tls, delete) and records every call.
     */
    private Map<String, String> caJobEnvironment(Container container, Path calls, Path secrets) throws IOException {
        Path bin = work.resolve("bin");
        KubectlStandIn.write(bin, secrets, calls);
        Map<String, String> env = environment(container, Map.of());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        return env;
    }

    private String openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The container's env as the kubelet resolves it, with the given Secret keys ({@code name/key}). */
    private static Map<String, String> environment(Container container, Map<String, String> secrets) {
        Map<String, String> env = ContainerEnvironment.resolve(container, "hook", new ContainerEnvironment.ClusterData() {
            @Override
            public Map<String, String> configMap(String name) {
                return null;
            }

            @Override
            public Map<String, String> secret(String name) {
                Map<String, String> data = new HashMap<>();
                secrets.forEach((k, v) -> {
                    if (k.startsWith(name + "/")) {
                        data.put(k.substring(name.length() + 1), v);
                    }
                });
                return data.isEmpty() ? null : data;
            }

            @Override
            public String namespace() {
                return "vigil";
            }
        });
        env.put("PATH", System.getenv("PATH"));
        return env;
    }

    private int run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("output.txt").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        assertThat(exit).as(Files.readString(work.resolve("output.txt"))).isZero();
        return exit;
    }

    private static Container container(Job job) {
        return job.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }
}
