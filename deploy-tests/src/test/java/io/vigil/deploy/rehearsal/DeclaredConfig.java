package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The environment variable names a service in an image reads, found in the image itself (its fast-jar under
 * {@code /deployments}), by the rule SmallRye Config maps a property name to an environment variable (upper case,
 * every character other than a letter or digit becomes {@code _}):
 * <ul>
 *   <li>{@code QUARKUS_*}: every property of the Quarkus extensions in the image, from the configuration model each
 *       extension jar carries ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}, map keys as wildcards);</li>
 *   <li>the service's own properties: the keys of its {@code application.properties} and every {@code ${NAME}} it
 *       references, the properties of its {@code @ConfigMapping} interfaces and {@code @ConfigProperty} injection
 *       points (app jar and the project's libraries, see {@link ConfigMappings});</li>
 *   <li>{@code KAFKA_*}: the service hands every {@code kafka.*} property to its Kafka clients, so the rest of the name
 *       must be a producer, consumer or admin client setting of the Kafka client library;</li>
 *   <li>{@code JDK_JAVA_OPTIONS} and {@code JAVA_TOOL_OPTIONS}, which the JVM reads.</li>
 * </ul>
 */
final class DeclaredConfig {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}]+)");
    private static final Set<String> JVM = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private final List<Pattern> patterns;
    private final Set<String> kafkaSettings;

    private DeclaredConfig(List<Pattern> patterns, Set<String> kafkaSettings) {
        this.patterns = patterns;
        this.kafkaSettings = kafkaSettings;
    }

    /** What the service in the unpacked image {@code rootfs} declares. */
    static DeclaredConfig of(Path rootfs) {
        Path deployments = rootfs.resolve("deployments");
        Set<String> properties = new HashSet<>();
        try {
            List<Path> appJars = jars(deployments.resolve("app"));
            List<Path> libJars = jars(deployments.resolve("lib/main"));
            for (Path jar : appJars) {
                applicationProperties(jar, properties);
            }
            for (Path jar : libJars) {
                quarkusModel(jar, properties);
            }
            List<Path> ownJars = new ArrayList<>(appJars);
            libJars.stream().filter(j -> j.getFileName().toString().startsWith("io.vigil.")).forEach(ownJars::add);
            properties.addAll(ConfigMappings.propertyNames(ownJars, libJars));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the image's configuration in " + deployments, e);
        }
        List<Pattern> patterns = properties.stream().map(DeclaredConfig::envPattern).toList();
        Set<String> kafka = new HashSet<>(ProducerConfig.configNames());
        kafka.addAll(ConsumerConfig.configNames());
        kafka.addAll(AdminClientConfig.configNames());
        return new DeclaredConfig(patterns, kafka);
    }

    /** The names of {@code env} that the service does not read, sorted. */
    Set<String> unread(Set<String> env) {
        Set<String> unread = new TreeSet<>();
        for (String name : env) {
            if (!reads(name)) {
                unread.add(name);
            }
        }
        return unread;
    }

    boolean reads(String name) {
        if (JVM.contains(name)) {
            return true;
        }
        if (name.startsWith("KAFKA_")) {
            String setting = name.substring("KAFKA_".length()).toLowerCase().replace('_', '.');
            return kafkaSettings.contains(setting);
        }
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** A property name (map keys as {@code *} or a quoted placeholder, list indexes as {@code [*]}) as env regex. */
    static Pattern envPattern(String property) {
        String wildcard = "\u0000";
        String name = property.replaceAll("\\[\\*]", "_" + wildcard).replaceAll("\"[^\"]*\"", wildcard)
                .replace("*", wildcard);
        StringBuilder regex = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == '\u0000') {
                regex.append("[A-Z0-9_]+");
            } else if (Character.isLetterOrDigit(c)) {
                regex.append(Character.toUpperCase(c));
            } else {
                regex.append('_');
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static List<Path> jars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static void applicationProperties(Path jar, Set<String> into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("application.properties");
            if (entry == null) {
                return;
            }
            String text;
            try (InputStream in = zip.getInputStream(entry)) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            for (String key : properties.stringPropertyNames()) {
                into.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
                Matcher m = REFERENCE.matcher(properties.getProperty(key));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static void quarkusModel(Path jar, Set<String> into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
            if (entry == null) {
                return;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                collectProperties(JSON.readTree(in), into);
            }
        }
    }

    private static void collectProperties(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            JsonNode property = node.get("property");
            if (property != null && property.isTextual() && property.asText().startsWith("quarkus.")) {
                into.add(property.asText());
            }
            JsonNode additional = node.get("additionalPaths");
            if (additional != null) {
                additional.forEach(p -> collectProperties(p, into));
            }
        }
        node.forEach(child -> collectProperties(child, into));
    }
}
