package io.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An OCI image layout tarball as Jib's buildTar writes it (index.json, blobs/sha256/...), read without a
 * container runtime: the image configuration and every layer's entries.
 */
public final class OciImage {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file system entry of a layer. */
    public record Entry(String path, int mode, long uid, long gid, boolean directory, byte[] content) {
    }

    private final JsonNode config;
    private final List<String> layerDigests;
    private final List<Map<String, Entry>> layers;

    private OciImage(JsonNode config, List<String> layerDigests, List<Map<String, Entry>> layers) {
        this.config = config;
        this.layerDigests = layerDigests;
        this.layers = layers;
    }

    public static OciImage read(Path tarball) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(files.get("index.json"));
        JsonNode manifest = JSON.readTree(blob(files, index.get("manifests").get(0).get("digest").asText()));
        JsonNode config = JSON.readTree(blob(files, manifest.get("config").get("digest").asText()));
        List<String> digests = new ArrayList<>();
        List<Map<String, Entry>> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("layers")) {
            String digest = layer.get("digest").asText();
            digests.add(digest);
            layers.add(entries(new GZIPInputStream(new ByteArrayInputStream(blob(files, digest)))));
        }
        return new OciImage(config, List.copyOf(digests), List.copyOf(layers));
    }

    /** Only the "config" object of the image configuration, without reading the layers. */
    public static JsonNode containerConfig(Path tarball) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile() && e.getSize() < 1024 * 1024) {
                    files.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(files.get("index.json"));
        JsonNode manifest = JSON.readTree(blob(files, index.get("manifests").get(0).get("digest").asText()));
        return JSON.readTree(blob(files, manifest.get("config").get("digest").asText())).get("config");
    }

    private static byte[] blob(Map<String, byte[]> files, String digest) {
        byte[] blob = files.get("blobs/sha256/" + digest.substring("sha256:".length()));
        if (blob == null) {
            throw new IllegalStateException("missing blob " + digest);
        }
        return blob;
    }

    private static Map<String, Entry> entries(InputStream layer) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(layer)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String path = "/" + e.getName().replaceAll("/$", "");
                byte[] content = e.isFile() && e.getSize() < 64 * 1024 ? tar.readAllBytes() : null;
                entries.put(path, new Entry(path, e.getMode() & 07777, e.getLongUserId(), e.getLongGroupId(),
                        e.isDirectory(), content));
            }
        }
        return entries;
    }

    /** The "config" object of the image configuration (User, Entrypoint, ExposedPorts, ...). */
    public JsonNode containerConfig() {
        return config.get("config");
    }

    public JsonNode imageConfig() {
        return config;
    }

    public List<String> layerDigests() {
        return layerDigests;
    }

    /** Every entry of the merged file system (a later layer wins). */
    public Map<String, Entry> fileSystem() {
        Map<String, Entry> merged = new LinkedHashMap<>();
        layers.forEach(merged::putAll);
        return merged;
    }
}
