package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Every object of one rendering, parsed into the Kubernetes model (unknown kinds such as KafkaTopic or
 * ServiceMonitor as {@link GenericKubernetesResource}).
 */
public record Manifests(List<HasMetadata> objects) {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    public static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : DOCUMENT_SEPARATOR.split(yaml)) {
            if (doc.lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
                continue;
            }
            KubernetesResource resource = SERIALIZATION.unmarshal(doc, KubernetesResource.class);
            if (!(resource instanceof HasMetadata object)) {
                throw new IllegalStateException("not a Kubernetes object: " + doc);
            }
            objects.add(object);
        }
        return new Manifests(List.copyOf(objects));
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public List<GenericKubernetesResource> ofKind(String kind) {
        return objects.stream().filter(o -> o.getKind().equals(kind))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    public <T extends HasMetadata> T get(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(type.getSimpleName() + " " + name));
    }

    public Deployment deployment(String component) {
        return get(Deployment.class, HelmChart.RELEASE + "-" + component);
    }

    public Service service(String name) {
        return get(Service.class, name);
    }

    public ConfigMap configMap(String component) {
        return get(ConfigMap.class, HelmChart.RELEASE + "-" + component);
    }
}
