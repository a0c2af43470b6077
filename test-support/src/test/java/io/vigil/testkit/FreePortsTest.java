package io.vigil.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void portsComeFromBelowTheEphemeralRangeOnceEachAndCanBeBound() throws IOException {
        int ephemeralLow = FreePorts.ephemeralLow(java.nio.file.Files.readString(
                java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range")));
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.next();
            assertThat(port).as("outside the range outgoing connections take their source ports from")
                    .isBetween(FreePorts.LOWEST, ephemeralLow - 1);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.next();
        try (ServerSocket bound = new ServerSocket(port)) {
            assertThat(bound.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotBindable() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(FreePorts.bindable(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void theRangeIsReadFromTheKernelsFormatElseLinuxsDefault() {
        assertThat(FreePorts.ephemeralLow("32768\t60999\n")).isEqualTo(32768);
        assertThat(FreePorts.ephemeralLow("49152 65535")).isEqualTo(49152);
        assertThat(FreePorts.ephemeralLow(null)).isEqualTo(32768);
        assertThat(FreePorts.ephemeralLow("garbage")).isEqualTo(32768);
        assertThat(FreePorts.ephemeralLow("")).isEqualTo(32768);
    }
}
