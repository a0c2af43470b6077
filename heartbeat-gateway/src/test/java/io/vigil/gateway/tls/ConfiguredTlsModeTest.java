package io.vigil.gateway.tls;

import io.vigil.tls.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mode GatewayMain prepares the JVM for is the one Quarkus will read: same sources, order, profiles. */
class ConfiguredTlsModeTest {

    @TempDir
    Path dir;

    private URL application(String content) throws IOException {
        Path file = dir.resolve("application.properties");
        Files.writeString(file, content);
        return file.toUri().toURL();
    }

    private Path work() {
        return dir.resolve("work");
    }

    @Test
    void theApplicationDefaultAppliesWhenNothingElseIsSet() throws IOException {
        URL app = application("vigil.gateway.tls.mode=${VIGIL_GATEWAY_TLS_MODE:default}\n");
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of(), app, work())).isEqualTo(TlsMode.DEFAULT);
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of(), null, work())).isEqualTo(TlsMode.DEFAULT);
    }

    @Test
    void theEnvironmentBeatsTheFileAndASystemPropertyBeatsBoth() throws IOException {
        URL app = application("vigil.gateway.tls.mode=${VIGIL_GATEWAY_TLS_MODE:default}\n");
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of("VIGIL_GATEWAY_TLS_MODE", "legacy"), app, work()))
                .isEqualTo(TlsMode.LEGACY);
        URL plain = application("vigil.gateway.tls.mode=fips\n");
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of("VIGIL_GATEWAY_TLS_MODE", "strong"), plain, work()))
                .isEqualTo(TlsMode.STRONG);
        assertThat(ConfiguredTlsMode.resolve(Map.of("vigil.gateway.tls.mode", "fips"),
                Map.of("VIGIL_GATEWAY_TLS_MODE", "legacy"), plain, work())).isEqualTo(TlsMode.FIPS);
    }

    @Test
    void profilesAndTheWorkingDirectoryFilesCountAsInQuarkus() throws IOException {
        URL app = application("vigil.gateway.tls.mode=default\n%prod.vigil.gateway.tls.mode=strong\n"
                + "%dev.vigil.gateway.tls.mode=legacy\n");
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of(), app, work())).isEqualTo(TlsMode.STRONG);
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of("QUARKUS_PROFILE", "dev"), app, work()))
                .isEqualTo(TlsMode.LEGACY);
        assertThat(ConfiguredTlsMode.resolve(Map.of("quarkus.profile", "other"), Map.of(), app, work()))
                .isEqualTo(TlsMode.DEFAULT);
        Files.createDirectories(work().resolve("config"));
        Files.writeString(work().resolve("config/application.properties"), "%prod.vigil.gateway.tls.mode=fips\n");
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of(), app, work())).isEqualTo(TlsMode.FIPS);
        Files.writeString(work().resolve(".env"), "VIGIL_GATEWAY_TLS_MODE=legacy\n");
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of(), app, work())).isEqualTo(TlsMode.LEGACY);
        assertThat(ConfiguredTlsMode.resolve(Map.of(), Map.of("VIGIL_GATEWAY_TLS_MODE", "strong"), app, work()))
                .isEqualTo(TlsMode.STRONG);
    }

    @Test
    void anUnknownModeIsRefusedByName() throws IOException {
        URL app = application("vigil.gateway.tls.mode=medium\n");
        assertThatThrownBy(() -> ConfiguredTlsMode.resolve(Map.of(), Map.of(), app, work()))
                .hasMessageContaining("unknown TLS mode 'medium'");
    }

    @Test
    void theCryptographyChoiceIsReadFromTheSameSourcesAndDefaultsToNative() throws IOException {
        URL app = application("vigil.gateway.tls.mode=default\n");
        assertThat(ConfiguredTlsMode.value(NativeCrypto.PROPERTY, NativeCrypto.NATIVE, Map.of(), Map.of(), app, work()))
                .isEqualTo("native");
        assertThat(ConfiguredTlsMode.value(NativeCrypto.PROPERTY, NativeCrypto.NATIVE, Map.of(),
                Map.of("VIGIL_GATEWAY_TLS_CRYPTO", "jdk"), app, work())).isEqualTo("jdk");
        assertThat(ConfiguredTlsMode.value(NativeCrypto.PROPERTY, NativeCrypto.NATIVE,
                Map.of("vigil.gateway.tls.crypto", "native"), Map.of("VIGIL_GATEWAY_TLS_CRYPTO", "jdk"), app, work()))
                .as("a system property wins over the environment").isEqualTo("native");
    }
}
