package io.vigil.gateway.tls;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.testkit.VigilTestResource;
import io.vigil.tls.TlsMode;

import java.util.Map;

/** The fips mode: one app restart for this profile. */
@QuarkusTest
@TestProfile(FipsModeTlsTest.Profile.class)
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class FipsModeTlsTest extends TlsModeProbes {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.gateway.tls.mode", "fips");
        }
    }

    @Override
    TlsMode mode() {
        return TlsMode.FIPS;
    }
}
