package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shell scripts of the two hook Jobs as rendered, with the Jobs' environment (secret references and
 * $(VAR) expansion resolved as the kubelet would), against recording stand-ins for kafka-topics.sh,
 * kafka-configs.sh and kubectl; the CA Job uses the real openssl.
 */
class HookScriptsTest {

    private static final Pattern KUBELET_VAR = Pattern.compile("\\$\\(([A-Z_]+)\\)");

    @TempDir
    Path work;

    @Test
    void topicJobCreatesEveryTopicWithSaslClientSettings() throws Exception {
        Manifests production = Manifests.parse(HelmChart.render(Map.of("topics.mode", "job"),
                HelmChart.values("production.yaml")));
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
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path calls = work.resolve("kubectl.txt");
        Path secretExists = work.resolve("secret-exists");
        Path kubectl = bin.resolve("kubectl");
        // a stand-in for kubectl: records its arguments, "get" succeeds once the Secret exists, "create" keeps the
        // certificate it was given
        Files.writeString(kubectl, """
                #!/bin/sh
                echo "kubectl $*" >> %s
                case "$1" in
                  get) [ -e %s ] ;;
                  create) cp /work/ca.crt %s/created-ca.crt && touch %s ;;
                esac
                """.formatted(calls, secretExists, work, secretExists));
        kubectl.toFile().setExecutable(true);
        Path caWork = Files.createDirectories(work.resolve("ca-work"));
        String script = container.getArgs().getFirst().replace("/work", caWork.toString());
        Files.writeString(kubectl, Files.readString(kubectl).replace("/work/ca.crt", caWork + "/ca.crt"));
        Map<String, String> env = environment(container, Map.of());
        env.put("NAMESPACE", "vigil");
        env.put("PATH", bin + ":" + System.getenv("PATH"));

        assertThat(run(List.of("sh", "-ec", script), env)).isZero();
        assertThat(Files.readAllLines(calls)).anyMatch(l -> l.startsWith("kubectl create secret generic vigil-ca -n vigil")
                && l.contains("--from-file=ca.crt=ca.crt") && l.contains("--from-file=ca.key=ca.key"));
        assertThat(caWork.resolve("ca.key")).doesNotExist();
        Process x509 = new ProcessBuilder("openssl", "x509", "-noout", "-text", "-in",
                work.resolve("created-ca.crt").toString()).redirectErrorStream(true).start();
        String text = new String(x509.getInputStream().readAllBytes());
        assertThat(x509.waitFor()).isZero();
        assertThat(text).contains("CA:TRUE", "Certificate Sign", "Subject: CN = Vigil Platform CA",
                "Public-Key: (3072 bit)");

        // a second run (upgrade, or a second Job racing) keeps the existing CA
        Files.delete(calls);
        assertThat(run(List.of("sh", "-ec", script), env)).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("kubectl get secret vigil-ca -n vigil");
    }

    /** The container's env as the kubelet resolves it: literal values, Secret keys, then $(VAR) references. */
    private static Map<String, String> environment(Container container, Map<String, String> secrets) {
        Map<String, String> env = new HashMap<>();
        for (EnvVar var : container.getEnv()) {
            if (var.getValue() != null) {
                Matcher m = KUBELET_VAR.matcher(var.getValue());
                env.put(var.getName(), m.replaceAll(r -> Matcher.quoteReplacement(env.getOrDefault(r.group(1), r.group()))));
            } else if (var.getValueFrom().getSecretKeyRef() != null) {
                var ref = var.getValueFrom().getSecretKeyRef();
                env.put(var.getName(), secrets.get(ref.getName() + "/" + ref.getKey()));
            }
        }
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
