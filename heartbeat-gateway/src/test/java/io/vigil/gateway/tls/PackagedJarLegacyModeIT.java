package io.vigil.gateway.tls;

import io.vigil.tls.TlsMode;

/** {@code legacy} (also TLS 1.0 and 3DES, which every JDK disables) from the plain packaged jar. */
class PackagedJarLegacyModeIT extends PackagedJarProbes {
    @Override
    TlsMode mode() {
        return TlsMode.LEGACY;
    }
}
