package io.vigil.gateway.support;

import io.vigil.gateway.tls.JvmTlsSettings;
import io.vigil.gateway.tls.NativeCrypto;
import io.vigil.tls.TlsMode;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * {@code @QuarkusTest} never runs the gateway's main class, which prepares the JVM's TLS settings in production. This
 * listener does the same for the test JVM, before any test class loads, as far as the most permissive mode
 * ({@code legacy}) needs, and puts the native cryptography provider first as production does; each test profile then
 * enables exactly its own mode on the agent port.
 */
public final class LegacyJvmTls implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        JvmTlsSettings.apply(TlsMode.LEGACY);
        NativeCrypto.install(NativeCrypto.NATIVE);
    }
}
