package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment the kubelet gives a container: {@code envFrom} first (ConfigMaps, Secrets, with their prefix), then
 * {@code env} in order (literal values with {@code $(VAR)} expanded from what is already defined, {@code secretKeyRef},
 * {@code configMapKeyRef}, {@code fieldRef} to the namespace and pod name). A referenced Secret, ConfigMap or key that
 * does not exist fails, as the kubelet refuses to start such a container.
 */
public final class ContainerEnvironment {

    /** The ConfigMaps and Secrets of a namespace: name to key to value; null when missing. */
    public interface ClusterData {
        Map<String, String> configMap(String name);

        Map<String, String> secret(String name);

        String namespace();
    }

    private static final Pattern KUBELET_VAR = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private ContainerEnvironment() {
    }

    public static Map<String, String> resolve(Container container, String podName, ClusterData data) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            Map<String, String> source = from.getConfigMapRef() != null
                    ? required(data.configMap(from.getConfigMapRef().getName()), "ConfigMap", from.getConfigMapRef().getName())
                    : required(data.secret(from.getSecretRef().getName()), "Secret", from.getSecretRef().getName());
            source.forEach((k, v) -> env.put(prefix + k, v));
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), value(var, env, podName, data));
        }
        return env;
    }

    private static String value(EnvVar var, Map<String, String> env, String podName, ClusterData data) {
        if (var.getValueFrom() == null) {
            String literal = var.getValue() == null ? "" : var.getValue();
            Matcher m = KUBELET_VAR.matcher(literal);
            return m.replaceAll(r -> Matcher.quoteReplacement(env.getOrDefault(r.group(1), r.group())));
        }
        var from = var.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            return key(required(data.secret(ref.getName()), "Secret", ref.getName()), ref.getKey(),
                    "Secret " + ref.getName(), var.getName());
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            return key(required(data.configMap(ref.getName()), "ConfigMap", ref.getName()), ref.getKey(),
                    "ConfigMap " + ref.getName(), var.getName());
        }
        if (from.getFieldRef() != null) {
            return switch (from.getFieldRef().getFieldPath()) {
                case "metadata.namespace" -> data.namespace();
                case "metadata.name" -> podName;
                default -> throw new IllegalStateException("env " + var.getName() + ": unsupported fieldRef "
                        + from.getFieldRef().getFieldPath());
            };
        }
        throw new IllegalStateException("env " + var.getName() + ": unsupported valueFrom " + from);
    }

    private static Map<String, String> required(Map<String, String> object, String kind, String name) {
        if (object == null) {
            throw new IllegalStateException(kind + " " + name + " does not exist");
        }
        return object;
    }

    private static String key(Map<String, String> object, String key, String what, String env) {
        String value = object.get(key);
        if (value == null) {
            throw new IllegalStateException("env " + env + ": " + what + " has no key " + key);
        }
        return value;
    }
}
