package io.vigil.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the simulator reads the console API key: a file or an environment variable, never the command line. */
final class ApiKeySource {

    /** The environment variable holding the key when no file is given. */
    static final String VARIABLE = "VIGIL_API_KEY";

    private ApiKeySource() {
    }

    /** The key in the file's first line (surrounding white space removed). */
    static String file(Path file) {
        try {
            String key = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("the API key file " + file + " is empty");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the API key file " + file + ": " + e.getMessage());
        }
    }
}
