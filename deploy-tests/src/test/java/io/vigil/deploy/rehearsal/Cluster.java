package io.vigil.deploy.rehearsal;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.vigil.deploy.ContainerEnvironment;
import io.vigil.deploy.Manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The namespace the rehearsal deploys into: the rendered ConfigMaps, and Secrets kept as directories
 * ({@code <dir>/<secret>/<key>}, the layout the kubectl stand-in of the CA Job writes too).
 */
final class Cluster implements ContainerEnvironment.ClusterData {

    private final Manifests manifests;
    private final Path secrets;
    private final String namespace;

    Cluster(Manifests manifests, Path secrets, String namespace) {
        this.manifests = manifests;
        this.secrets = secrets;
        this.namespace = namespace;
    }

    /** Creates (or replaces) a Secret the way {@code kubectl create secret generic --from-literal} would. */
    void createSecret(String name, Map<String, String> data) {
        try {
            Path dir = Files.createDirectories(secrets.resolve(name));
            for (Map.Entry<String, String> e : data.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path secretsDir() {
        return secrets;
    }

    /** The file of one Secret key, or null. */
    Path secretFile(String name, String key) {
        Path file = secrets.resolve(name).resolve(key);
        return Files.isRegularFile(file) ? file : null;
    }

    @Override
    public Map<String, String> configMap(String name) {
        return manifests.all(ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name))
                .findFirst().map(c -> c.getData() == null ? Map.<String, String>of() : c.getData()).orElse(null);
    }

    @Override
    public Map<String, String> secret(String name) {
        Path dir = secrets.resolve(name);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        Map<String, String> data = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                data.put(f.getFileName().toString(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    @Override
    public String namespace() {
        return namespace;
    }
}
