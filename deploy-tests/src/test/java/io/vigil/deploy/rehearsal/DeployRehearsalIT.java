package io.vigil.deploy.rehearsal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.vigil.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deploy rehearsal: the chart rendered with values/rehearsal.yaml against SASL_SSL Kafka with ACLs and TLS-only
 * PostgreSQL with one role per service (test-support's SecuredStack), the namespace's Secrets created, the CA Job and
 * the topic Job run from their rendered scripts, and the six services started from their OCI images exactly as their
 * rendered Deployments say (command, environment, envFrom, Secret volumes at their mountPaths, ports, user 185,
 * read-only root, writable /tmp, limits), as containers of the engine Testcontainers finds (test-support's
 * PodContainer: podman's Docker API here, Docker elsewhere). Then a reference agent and a console drive the walking
 * skeleton through it. Drift between chart and code fails: a probe path or port (readiness is judged by the
 * Deployments' own probes), a Service port, a Secret or key, an environment name the service does not read.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployRehearsalIT {

    private static final Path IMAGES = Path.of(System.getProperty("vigil.images.dir", "target/images"));
    private static Rehearsal rehearsal;

    @BeforeAll
    static void deploy() throws Exception {
        long start = System.nanoTime();
        rehearsal = new Rehearsal(Files.createTempDirectory("vigil-rehearsal-"), IMAGES);
        rehearsal.startInfrastructure();
        rehearsal.render();
        rehearsal.createSecrets();
        rehearsal.runHookJobs();
        rehearsal.unpackImages();
        rehearsal.startServices(Duration.ofSeconds(240), 3);
        rehearsal.timings.put("deploy total", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (rehearsal != null) {
            StringBuilder report = new StringBuilder("deploy rehearsal timings (ms)\n");
            rehearsal.timings.forEach((k, v) -> report.append(String.format("%-40s %8d%n", k, v)));
            report.append("container restarts: ").append(rehearsal.restarts).append('\n');
            Files.writeString(Rehearsal.logs().resolve("timings.txt"), report);
            System.out.print(report);
            rehearsal.close();
        }
    }

    private static Container container(String service) {
        return rehearsal.manifests.deployment(service).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    @Test
    @Order(1)
    void everyServiceRunsAsItsDeploymentSaysAndPassesEveryProbe() throws Exception {
        for (String service : Rehearsal.SERVICES) {
            Container container = container(service);
            for (var probe : List.of(container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe())) {
                // a probe may time out on a loaded machine, as the kubelet's thresholds allow; it must answer 200
                await(service + " " + Probes.uri(container, probe)).atMost(Duration.ofSeconds(60))
                        .until(() -> Probes.status(container, probe) == 200);
            }
            long pid = rehearsal.pods.get(service).processId();
            Path proc = Path.of("/proc", Long.toString(pid));
            String status = Files.readString(proc.resolve("status"));
            assertThat(ProcessIdentity.inContainer(status, "Uid", Files.readString(proc.resolve("uid_map"))))
                    .as(service + " user").isEqualTo(185);
            assertThat(ProcessIdentity.inContainer(status, "Gid", Files.readString(proc.resolve("gid_map"))))
                    .as(service + " group").isEqualTo(185);
            assertThat(status).as(service + " capabilities").containsPattern("(?m)^CapEff:\\s+0+$");
            assertThat(status).as(service + " no privilege escalation").containsPattern("(?m)^NoNewPrivs:\\s+1$");
            assertThat(CgroupMemoryLimit.of(pid)).as(service + " memory limit enforced by its cgroup")
                    .contains(Quantity.getAmountInBytes(container.getResources().getLimits().get("memory"))
                            .longValueExact());
            String mounts = Files.readString(proc.resolve("mountinfo"));
            assertThat(mounts).as(service + " read-only root").containsPattern("(?m)^\\S+ \\S+ \\S+ \\S+ / ro[, ]");
            assertThat(mounts).as(service + " writable /tmp").containsPattern("(?m)^\\S+ \\S+ \\S+ \\S+ /tmp rw.* - tmpfs ");
            for (var mount : container.getVolumeMounts()) {
                assertThat(mounts).as(service + " mount " + mount.getMountPath())
                        .contains(" " + mount.getMountPath() + " ");
            }
            List<String> command = List.of(Files.readString(proc.resolve("cmdline")).split("\0"));
            assertThat(command).as(service + " command").startsWith("/opt/java/openjdk/bin/java")
                    .containsSubsequence("-jar", "/deployments/quarkus-run.jar");
        }
    }

    @Test
    @Order(2)
    void everyEnvironmentNameTheChartRendersIsReadByItsService() {
        for (String service : Rehearsal.SERVICES) {
            DeclaredConfig declared = DeclaredConfig.of(rehearsal.rootfs.get(service));
            Set<String> names = new HashSet<>(rehearsal.pods.get(service).environment().keySet());
            assertThat(names).as(service).contains("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_JAAS_CONFIG");
            assertThat(declared.unread(names)).as(service + ": rendered environment names it does not read").isEmpty();
        }
    }

    @Test
    @Order(3)
    void theDriftCheckCatchesANameNoServiceReads() {
        DeclaredConfig gateway = DeclaredConfig.of(rehearsal.rootfs.get("heartbeat-gateway"));
        assertThat(gateway.unread(Set.of("VIGIL_GATEWAY_TLS_MODE", "QUARKUS_HTTP_SSL_PORT", "QUARKUS_MANAGEMENT_PORT",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "VIGIL_GATEWAY_TLS_MOD", "QUARKUS_HTTP_SSL_PROT",
                "KAFKA_SSL_TRUSTSTORE_LOCATIN", "VIGIL_DB_REGISTRY_JDBC_URL")))
                .containsExactly("KAFKA_SSL_TRUSTSTORE_LOCATIN", "QUARKUS_HTTP_SSL_PROT", "VIGIL_DB_REGISTRY_JDBC_URL",
                        "VIGIL_GATEWAY_TLS_MOD");
    }

    @Test
    @Order(4)
    void theTopicJobCreatedAndConfiguredEveryTopic() {
        Set<String> created = new HashSet<>();
        Set<String> altered = new HashSet<>();
        for (TopicCalls.Call call : rehearsal.topicCalls.calls()) {
            (call.tool().equals("kafka-topics.sh") ? created : altered).add(call.options().containsKey("--topic")
                    ? call.one("--topic") : call.one("--entity-name"));
        }
        Set<String> all = new HashSet<>(Topics.ALL.stream().map(Topics.Spec::name).toList());
        assertThat(created).isEqualTo(all);
        assertThat(altered).isEqualTo(all);
    }

    @Test
    @Order(5)
    void theWalkingSkeletonRunsThroughTheDeployment() throws Exception {
        WalkingSkeleton skeleton = new WalkingSkeleton(rehearsal);
        long start = System.nanoTime();
        try {
            skeleton.run();
        } finally {
            skeleton.close();
            rehearsal.timings.put("walking skeleton", (System.nanoTime() - start) / 1_000_000);
        }
    }
}
