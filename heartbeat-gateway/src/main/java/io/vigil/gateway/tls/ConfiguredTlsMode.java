package io.vigil.gateway.tls;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vigil.tls.TlsMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code vigil.gateway.tls.mode} and {@code vigil.gateway.tls.crypto} before Quarkus starts (so that
 * {@link JvmTlsSettings} and {@link NativeCrypto} can act before any TLS class loads), from the same places and in
 * the same order Quarkus reads them later: system properties, environment
 * ({@code VIGIL_GATEWAY_TLS_MODE}), a {@code .env} file and {@code config/application.properties} in the working
 * directory, then the application's {@code application.properties}, with profiles ({@code %prod.}, {@code QUARKUS_PROFILE}) and
 * expressions. Should a source outside these make Quarkus see another mode, the start-up check in
 * {@link AgentPortTls} refuses to start rather than serve a mode the JVM was not prepared for.
 */
public final class ConfiguredTlsMode {

    static final String PROPERTY = "vigil.gateway.tls.mode";

    private ConfiguredTlsMode() {
    }

    /** The mode this process will run, read from the real system properties, environment and files. */
    public static TlsMode resolve() {
        return TlsMode.fromConfig(processValue(PROPERTY, TlsMode.DEFAULT.configName()));
    }

    /** The {@link NativeCrypto} choice of this process, read like the mode. */
    public static String crypto() {
        return processValue(NativeCrypto.PROPERTY, NativeCrypto.NATIVE);
    }

    static TlsMode resolve(Map<String, String> systemProperties, Map<String, String> environment,
                           URL applicationProperties, Path workingDirectory) {
        return TlsMode.fromConfig(value(PROPERTY, TlsMode.DEFAULT.configName(), systemProperties, environment,
                applicationProperties, workingDirectory));
    }

    private static String processValue(String property, String defaultValue) {
        return value(property, defaultValue, System.getProperties().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().toString(), e -> e.getValue().toString())), System.getenv(),
                ConfiguredTlsMode.class.getClassLoader().getResource("application.properties"), Path.of(""));
    }

    static String value(String property, String defaultValue, Map<String, String> systemProperties,
                        Map<String, String> environment, URL applicationProperties, Path workingDirectory) {
        Path workingDirectoryProperties = workingDirectory.resolve("config").resolve("application.properties");
        Path dotEnv = workingDirectory.resolve(".env");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(systemProperties, "system properties", 400))
                .withSources(new EnvConfigSource(environment, 300))
                .withProfile(profile(systemProperties, environment));
        try {
            if (Files.isRegularFile(dotEnv)) { // ordinal 295, names as in the environment
                builder.withSources(DotEnvConfigSourceProvider.dotEnvSources(dotEnv.toUri().toString(),
                        ConfiguredTlsMode.class.getClassLoader()));
            }
            if (Files.isRegularFile(workingDirectoryProperties)) {
                builder.withSources(new PropertiesConfigSource(workingDirectoryProperties.toUri().toURL(), 260));
            }
            if (applicationProperties != null) {
                builder.withSources(new PropertiesConfigSource(applicationProperties, 250));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration for " + property, e);
        }
        SmallRyeConfig config = builder.build().unwrap(SmallRyeConfig.class);
        return config.getOptionalValue(property, String.class).orElse(defaultValue);
    }

    private static String profile(Map<String, String> systemProperties, Map<String, String> environment) {
        String profile = systemProperties.get("quarkus.profile");
        if (profile == null) {
            profile = environment.get("QUARKUS_PROFILE");
        }
        return profile == null || profile.isBlank() ? "prod" : profile;
    }
}
