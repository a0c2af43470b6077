package io.vigil.deploy.rehearsal;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The calls the topic Job's script made to {@code kafka-topics.sh} and {@code kafka-configs.sh}, carried out with the
 * Kafka Admin client the way those tools do it: with the client properties file the script wrote
 * ({@code --command-config}) and the bootstrap servers it passed. Only the options the chart uses are understood;
 * anything else fails.
 */
record TopicCalls(List<Call> calls) {

    record Call(String tool, Map<String, List<String>> options) {
        String one(String option) {
            List<String> values = options.get(option);
            if (values == null || values.size() != 1) {
                throw new IllegalStateException(tool + ": expected one " + option + " in " + options);
            }
            return values.getFirst();
        }
    }

    static TopicCalls parse(List<String> lines) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String tool = lines.get(i);
            Map<String, List<String>> options = new LinkedHashMap<>();
            String option = null;
            for (i++; i < lines.size() && !lines.get(i).isEmpty(); i++) {
                String arg = lines.get(i);
                if (arg.startsWith("--")) {
                    option = arg;
                    options.computeIfAbsent(option, k -> new ArrayList<>());
                } else if (option != null) {
                    options.get(option).add(arg);
                } else {
                    throw new IllegalStateException(tool + ": argument without an option: " + arg);
                }
            }
            calls.add(new Call(tool, options));
        }
        return new TopicCalls(List.copyOf(calls));
    }

    /** Carries out every call in order; a failure names the call. */
    void execute() {
        for (Call call : calls) {
            try (Admin admin = Admin.create(clientConfig(call))) {
                switch (call.tool()) {
                    case "kafka-topics.sh" -> create(admin, call);
                    case "kafka-configs.sh" -> alter(admin, call);
                    default -> throw new IllegalStateException("unknown tool " + call.tool());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(call + " failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(call + " failed: " + e, e);
            }
        }
    }

    private static Properties clientConfig(Call call) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(call.one("--command-config")))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("bootstrap.servers", call.one("--bootstrap-server"));
        properties.put("request.timeout.ms", "20000");
        properties.put("default.api.timeout.ms", "30000");
        return properties;
    }

    private static void create(Admin admin, Call call)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        known(call, "--bootstrap-server", "--command-config", "--create", "--if-not-exists", "--topic", "--partitions",
                "--replication-factor", "--config");
        Map<String, String> config = new LinkedHashMap<>();
        for (String pair : call.options().getOrDefault("--config", List.of())) {
            String[] kv = pair.split("=", 2);
            config.put(kv[0], kv[1]);
        }
        NewTopic topic = new NewTopic(call.one("--topic"), Integer.parseInt(call.one("--partitions")),
                Short.parseShort(call.one("--replication-factor"))).configs(config);
        try {
            admin.createTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException && call.options().containsKey("--if-not-exists"))) {
                throw e;
            }
        }
    }

    private static void alter(Admin admin, Call call)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        known(call, "--bootstrap-server", "--command-config", "--alter", "--entity-type", "--entity-name",
                "--add-config");
        if (!call.one("--entity-type").equals("topics")) {
            throw new IllegalStateException("only topics are altered: " + call);
        }
        List<AlterConfigOp> ops = new ArrayList<>();
        for (String pair : call.one("--add-config").split(",")) {
            String[] kv = pair.split("=", 2);
            ops.add(new AlterConfigOp(new ConfigEntry(kv[0], kv[1]), AlterConfigOp.OpType.SET));
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, call.one("--entity-name"));
        admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(60, TimeUnit.SECONDS);
    }

    private static void known(Call call, String... options) {
        List<String> allowed = List.of(options);
        call.options().keySet().stream().filter(o -> !allowed.contains(o)).findFirst().ifPresent(o -> {
            throw new IllegalStateException(call.tool() + ": option " + o + " is not understood here");
        });
    }
}
