package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.agent.AgentSettings;
import io.vigil.agent.tls.KeyMaterial;

import java.net.URI;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' agents: one token, not listening, one shared RSA key pair (each still its own CSR and certificate). */
final class BenchmarkFleet {

    private BenchmarkFleet() {
    }

    /** {@code count} agents named {@code hostPrefix1} to {@code hostPrefixN}, activating through {@code gateway}. */
    static List<AgentSettings> settings(URI gateway, JsonPath token, String hostPrefix, int count) {
        KeyPair shared = KeyMaterial.newKeyPair();
        List<AgentSettings> settings = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            settings.add(AgentSettings.builder(gateway, token.getString("token"), token.getString("managerCaSha256"))
                    .hostName(hostPrefix + i).listen(false).keyPairs(() -> shared).build());
        }
        return settings;
    }
}
