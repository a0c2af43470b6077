package io.vigil.gateway.tls;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.testkit.VigilTestResource;
import io.vigil.tls.TlsMode;

/** The default mode, on the same app instance as the API tests (no extra restart). */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class DefaultModeTlsTest extends TlsModeProbes {
    @Override
    TlsMode mode() {
        return TlsMode.DEFAULT;
    }
}
