package io.vigil.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The repository's own files: what git tracks, or (outside a git checkout) every file but build output. */
final class RepositoryFiles {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", ".vigil", "node_modules");

    private RepositoryFiles() {
    }

    /** Paths relative to the repository root, with '/' separators. */
    static List<String> tracked() {
        Path root = HelmChart.ROOT;
        if (Files.isDirectory(root.resolve(".git"))) {
            try {
                Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (git.waitFor(60, TimeUnit.SECONDS) && git.exitValue() == 0) {
                    return Stream.of(out.split("\0")).filter(p -> !p.isEmpty())
                            .filter(p -> Files.isRegularFile(root.resolve(p))).toList();
                }
            } catch (IOException e) {
                // no git on this machine: walk the tree instead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> Stream.of(p.split("/")).noneMatch(SKIPPED_DIRECTORIES::contains))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, or null for a binary file (one with a NUL byte). */
    static String text(String relativePath) {
        try {
            byte[] bytes = Files.readAllBytes(HelmChart.ROOT.resolve(relativePath));
            for (byte b : bytes) {
                if (b == 0) {
                    return null;
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
