package io.vigil.gateway.bench;

import java.util.ArrayList;
import java.util.List;

/** A TLS mode of the gateway and the {@code openssl s_time} options of a handshake it accepts. */
record ModeProbe(String mode, List<String> clientOptions) {

    /** The modes whose handshake rate is compared with OpenSSL's ({@code legacy} may stay slower). */
    static final List<ModeProbe> MEASURED = List.of(
            new ModeProbe("default", List.of("-tls1_3")),
            new ModeProbe("strong", List.of("-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384")),
            new ModeProbe("fips", List.of("-tls1_2", "-cipher", "ECDHE-RSA-AES256-SHA384")));

    String[] options() {
        return clientOptions.toArray(String[]::new);
    }

    String[] with(String... more) {
        List<String> all = new ArrayList<>(clientOptions);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Override
    public String toString() {
        return mode;
    }
}
