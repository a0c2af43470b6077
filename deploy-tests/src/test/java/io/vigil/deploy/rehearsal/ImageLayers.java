package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Unpacks OCI image tarballs into root file systems, each layer extracted once per digest and hard-linked into every
 * root file system that has it (the six images share their base layer), in layer order (Jib writes no whiteouts).
 */
final class ImageLayers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cache;

    ImageLayers(Path cache) {
        this.cache = cache;
    }

    void unpack(Path tarball, Path target) throws IOException, InterruptedException {
        Path layout = Files.createTempDirectory(cache.getParent(), "oci-layout-");
        try {
            run("tar", "-xf", tarball.toString(), "-C", layout.toString());
            JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
            Path blobs = layout.resolve("blobs/sha256");
            JsonNode manifest = JSON.readTree(blobs.resolve(
                    index.get("manifests").get(0).get("digest").asText().substring(7)).toFile());
            Files.createDirectories(target);
            for (JsonNode layer : manifest.get("layers")) {
                String digest = layer.get("digest").asText().substring(7);
                Path extracted = cache.resolve(digest);
                if (!Files.isDirectory(extracted)) {
                    Path partial = Files.createDirectories(cache.resolve(digest + ".partial"));
                    run("tar", "-xzpf", blobs.resolve(digest).toString(), "--numeric-owner", "-C", partial.toString());
                    Files.move(partial, extracted);
                }
                run("cp", "-a", "--link", extracted + "/.", target.toString());
            }
        } finally {
            run("rm", "-rf", layout.toString());
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
