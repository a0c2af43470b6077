package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vigil.deploy.HelmChart;
import io.vigil.deploy.Manifests;
import io.vigil.deploy.OciImage;
import io.vigil.events.KafkaAccess;
import io.vigil.testkit.FreePorts;
import io.vigil.testkit.containers.LocalImages;
import io.vigil.testkit.secured.KafkaSecurity;
import io.vigil.testkit.secured.SecuredStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the deploy rehearsal starts: the secured infrastructure, the rendered chart, the namespace's Secrets,
 * the hook Jobs, and the six services as containers of their images ({@link DeploymentPod}).
 */
final class Rehearsal implements AutoCloseable {

    static final String API_KEY = "rehearsal-full-key";
    static final String SYSLOG_HOST = "siem-receiver.example.test";
    /** In the order they are started: each one's dependencies first. */
    static final List<String> SERVICES = List.of("policy-service", "agent-registry", "alert-service",
            "siem-forwarder", "web-console", "heartbeat-gateway");

    final Path work;
    final Path images;
    final Map<String, Long> timings = new LinkedHashMap<>();
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Map<String, DeploymentPod> pods = new LinkedHashMap<>();
    final Map<String, Path> rootfs = new LinkedHashMap<>();
    final Map<String, JsonNode> imageConfigs = new LinkedHashMap<>();
    /** The image each service runs, by the name of its tarball ({@link LocalImages}). */
    final Map<String, String> imageNames = new LinkedHashMap<>();
    final Map<String, Integer> restarts = new LinkedHashMap<>();
    SecuredStack stack;
    SyslogReceiver syslog;
    Manifests manifests;
    Cluster cluster;
    TopicCalls topicCalls;
    private long mark = System.nanoTime();

    Rehearsal(Path work, Path images) {
        this.work = work;
        this.images = images;
    }

    void startInfrastructure() throws Exception {
        ports.put("database.port", FreePorts.next());
        stack = SecuredStack.start(work.resolve("stack"), FreePorts.next(), ports.get("database.port"));
        int syslogPort = FreePorts.next();
        ports.put("siemForwarder.syslog", syslogPort);
        syslog = SyslogReceiver.start(Files.createDirectories(work.resolve("syslog")), syslogPort);
        lap("secured Kafka and PostgreSQL, rsyslog");
    }

    void render() {
        for (String key : List.of("heartbeatGateway.agentPort", "heartbeatGateway.managementPort", "policyService.port",
                "policyService.internalPort", "agentRegistry.port", "agentRegistry.internalPort", "alertService.port",
                "siemForwarder.port", "webConsole.port")) {
            ports.put(key, FreePorts.next());
        }
        Map<String, Object> sets = new LinkedHashMap<>();
        ports.forEach((k, v) -> {
            if (!k.equals("siemForwarder.syslog")) {
                sets.put(k, v);
            }
        });
        // the agents' LoadBalancer Service on the pod's port: the host network has no port translation
        sets.put("heartbeatGateway.agentService.port", ports.get("heartbeatGateway.agentPort"));
        sets.put("kafka.bootstrapServers", stack.bootstrapServers());
        sets.put("siemForwarder.syslog.url", "tcp://" + SYSLOG_HOST + ":" + ports.get("siemForwarder.syslog"));
        manifests = Manifests.parse(HelmChart.render(sets, HelmChart.values("rehearsal.yaml")));
        cluster = new Cluster(manifests, work.resolve("secrets"), HelmChart.NAMESPACE);
        lap("chart rendered");
    }

    /** The Secrets a platform team creates before installing (chart README): Kafka users, CA, logins, API keys. */
    void createSecrets() throws Exception {
        String ca = Files.readString(stack.postgres().ca().caCertificate());
        cluster.createSecret("vigil-kafka-ca", Map.of("ca.crt", ca));
        cluster.createSecret("vigil-db-ca", Map.of("ca.crt", ca));
        for (String user : kafkaUsers()) {
            String jaas = (String) stack.kafka().client(stack.bootstrapServers(), user).get("sasl.jaas.config");
            Matcher password = Pattern.compile("password=\"([^\"]*)\"").matcher(jaas);
            if (!password.find()) {
                throw new IllegalStateException("no password in the JAAS line of " + user);
            }
            cluster.createSecret(user, Map.of("sasl.jaas.config", jaas, "password", password.group(1)));
        }
        SecuredStack.DATABASES.forEach((service, database) -> cluster.createSecret("vigil-db-" + service,
                Map.of("username", database, "password", stack.postgres().password(database))));
        cluster.createSecret("vigil-api-keys", Map.of("api-keys", API_KEY + ":full-access"));
    }

    private static List<String> kafkaUsers() {
        List<String> users = new java.util.ArrayList<>(KafkaAccess.ALL.stream().map(KafkaAccess.ServiceAccess::service).toList());
        users.add(KafkaSecurity.ADMIN);
        return users;
    }

    void runHookJobs() throws Exception {
        HookJobs.runCaJob(manifests.get(Job.class, HelmChart.RELEASE + "-ca-create"), cluster,
                Files.createDirectories(work.resolve("ca-job")));
        topicCalls = HookJobs.runTopicsJob(manifests.get(Job.class, HelmChart.RELEASE + "-topics"), cluster,
                Files.createDirectories(work.resolve("topics-job")));
        topicCalls.execute();
        lap("CA Job and topic Job");
    }

    void unpackImages() throws Exception {
        ImageLayers layers = new ImageLayers(Files.createDirectories(work.resolve("layers")));
        for (String service : SERVICES) {
            Deployment deployment = manifests.deployment(service);
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
            String repository = image.replaceAll("[:@].*$", "");
            Path tarball = images.resolve(repository.substring(repository.lastIndexOf('/') + 1) + ".tar");
            if (!Files.exists(tarball)) {
                throw new IllegalStateException("no image tarball " + tarball + " for " + image + " (build with -Pimages)");
            }
            imageConfigs.put(service, OciImage.containerConfig(tarball));
            String imageName = tarball.getFileName().toString().replaceAll("\\.tar$", "");
            imageNames.put(service, imageName);
            LocalImages.image(imageName);
            // DeclaredConfig reads the image's jars
            Path dir = work.resolve("rootfs").resolve(service);
            layers.unpack(tarball, dir);
            rootfs.put(service, dir);
        }
        lap("six images loaded into the engine and unpacked");
    }

    /**
     * Starts the services one after another, each when the one before is ready by its readinessProbe (on a 2-core
     * machine six JVMs starting at once starve each other past the 5 s the services allow for their first database
     * connection). A container that exits is started again, as the kubelet does for restartPolicy Always, at most
     * {@code maxRestarts} times each; the restarts are reported with the timings.
     */
    void startServices(Duration atMost, int maxRestarts) throws Exception {
        List<String> serviceNames = loopbackNames();
        for (String service : SERVICES) {
            long started = System.nanoTime();
            start(service, serviceNames);
            var container = manifests.deployment(service).getSpec().getTemplate().getSpec().getContainers().getFirst();
            org.awaitility.Awaitility.await(service + " ready by its readinessProbe "
                            + Probes.uri(container, container.getReadinessProbe()) + " (logs: " + logs() + ")")
                    .atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
                        DeploymentPod pod = pods.get(service);
                        if (!pod.running()) {
                            int restart = restarts.merge(service, 1, Integer::sum);
                            if (restart > maxRestarts) {
                                throw new IllegalStateException(service + " exited " + restart + " times: see "
                                        + pod.log());
                            }
                            start(service, serviceNames);
                        }
                        return Probes.passes(container, container.getReadinessProbe());
                    });
            timings.put(service + " start to ready", (System.nanoTime() - started) / 1_000_000);
        }
        mark = System.nanoTime();
    }

    private void start(String service, List<String> serviceNames) throws Exception {
        int restart = restarts.getOrDefault(service, 0);
        Path podDir = Files.createDirectories(work.resolve("pods").resolve(service + "-" + restart));
        Path log = logs().resolve(service + (restart == 0 ? "" : "-restart-" + restart) + ".log");
        DeploymentPod exited = pods.get(service);
        if (exited != null) {
            exited.stop();
        }
        pods.put(service, DeploymentPod.start(manifests.deployment(service), imageNames.get(service),
                imageConfigs.get(service), cluster, serviceNames, podDir, log));
    }

    static Path logs() throws java.io.IOException {
        return Files.createDirectories(HelmChart.ROOT.resolve("deploy-tests/target/rehearsal-logs"));
    }

    /**
     * The cluster DNS as the pods would see it: every rendered Service (short, namespaced and full names) and the
     * SIEM receiver the values name, all on loopback. With the host network a Service's port must be the port its
     * target container listens on; anything else fails here.
     */
    private List<String> loopbackNames() {
        List<String> names = new ArrayList<>(List.of(SYSLOG_HOST));
        for (Service service : manifests.all(Service.class)) {
            String name = service.getMetadata().getName();
            String ns = HelmChart.NAMESPACE;
            names.addAll(List.of(name, name + "." + ns, name + "." + ns + ".svc", name + "." + ns + ".svc.cluster.local"));
            for (ServicePort port : service.getSpec().getPorts()) {
                int target = targetPort(service, port);
                if (target != port.getPort()) {
                    throw new IllegalStateException("Service " + name + " maps port " + port.getPort() + " to "
                            + target + ": the host network cannot do that");
                }
            }
        }
        return names;
    }

    private int targetPort(Service service, ServicePort port) {
        if (port.getTargetPort() == null) {
            return port.getPort();
        }
        if (port.getTargetPort().getIntVal() != null) {
            return port.getTargetPort().getIntVal();
        }
        String named = port.getTargetPort().getStrVal();
        Map<String, String> selector = service.getSpec().getSelector();
        return manifests.all(Deployment.class).stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                        .containsAll(selector.entrySet()))
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts().stream())
                .filter(p -> named.equals(p.getName())).map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new IllegalStateException("Service " + service.getMetadata().getName()
                        + ": no pod port named " + named));
    }

    void lap(String step) {
        long now = System.nanoTime();
        timings.put(step, (now - mark) / 1_000_000);
        mark = now;
    }

    @Override
    public void close() throws Exception {
        pods.values().forEach(DeploymentPod::stop);
        if (syslog != null) {
            syslog.close();
        }
        if (stack != null) {
            stack.close();
        }
        new ProcessBuilder("rm", "-rf", work.toString()).inheritIO().start().waitFor();
    }
}
