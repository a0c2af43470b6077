package io.vigil.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Lints and renders helm/vigil with the real Helm engine (helm-java), the way {@code helm template} does.
 * <p>
 * helm-java's template command leaves out hook resources (the CA Job, the topic Job). To render them as
 * {@code helm template} prints them, the chart is rendered from a copy whose templates carry the hook annotation
 * under a placeholder name, which is put back in the output: the Helm engine renders exactly the same templates.
 */
public final class HelmChart {

    /** The repository root (the surefire property {@code vigil.root}, else the parent of the module). */
    public static final Path ROOT = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    public static final Path CHART = ROOT.resolve("helm/vigil");
    public static final String RELEASE = "vigil";
    public static final String NAMESPACE = "vigil";
    /** Kubernetes version the chart is rendered for (helm template would assume v1.20 otherwise). */
    public static final String KUBE_VERSION = "1.33.0";

    private static final String HOOK = "helm.sh/hook:";
    private static final String HOOK_PLACEHOLDER = "vigil-render.invalid/hook:";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static Path renderCopy;

    private HelmChart() {
    }

    public static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    /** Renders with the chart's defaults plus the given values files (in order), hooks included. */
    public static String render(Path... valuesFiles) {
        StringBuilder key = new StringBuilder();
        for (Path f : valuesFiles) {
            key.append(f.toAbsolutePath()).append(';');
        }
        return CACHE.computeIfAbsent(key.toString(), k -> doRender(Map.of(), valuesFiles));
    }

    /** Renders with --set style overrides on top of the given values files (not cached). */
    public static String render(Map<String, Object> sets, Path... valuesFiles) {
        return doRender(sets, valuesFiles);
    }

    private static String doRender(Map<String, Object> sets, Path... valuesFiles) {
        TemplateCommand command = new Helm(renderCopy()).template()
                .withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        for (Path f : valuesFiles) {
            command = command.withValuesFile(f.toAbsolutePath());
        }
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            command = command.set(e.getKey(), e.getValue());
        }
        return command.call().replace(HOOK_PLACEHOLDER, HOOK);
    }

    private static synchronized Path renderCopy() {
        if (renderCopy == null) {
            try {
                Path target = Files.createTempDirectory("vigil-chart-");
                Path copy = target.resolve("vigil");
                try (Stream<Path> files = Files.walk(CHART)) {
                    for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                        Path dest = copy.resolve(CHART.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(dest);
                        } else {
                            String text = Files.readString(source);
                            if (source.getParent().endsWith("templates")) {
                                text = text.replace(HOOK, HOOK_PLACEHOLDER);
                            }
                            Files.writeString(dest, text);
                        }
                    }
                }
                renderCopy = copy;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(target), "vigil-chart-copy-cleanup"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return renderCopy;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort at JVM exit: a temporary directory stays behind
        }
    }

    public static Path values(String name) {
        return ROOT.resolve("deploy-tests/src/test/resources/values/" + name);
    }
}
