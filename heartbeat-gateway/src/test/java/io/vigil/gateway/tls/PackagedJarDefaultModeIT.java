package io.vigil.gateway.tls;

import io.vigil.tls.TlsMode;

/** {@code default} (TLS 1.3 and 1.2, plain RSA key exchange that Java 25 disables) from the plain packaged jar. */
class PackagedJarDefaultModeIT extends PackagedJarProbes {
    @Override
    TlsMode mode() {
        return TlsMode.DEFAULT;
    }
}
