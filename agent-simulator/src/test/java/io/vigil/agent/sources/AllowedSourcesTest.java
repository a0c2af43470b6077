package io.vigil.agent.sources;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllowedSourcesTest {

    private static boolean allows(List<String> entries, String peer) {
        return AllowedSources.parse(entries).allows(InetAddress.ofLiteral(peer), NeighbourTable.NONE);
    }

    @Test
    void anyAllowsEveryone() {
        assertThat(allows(List.of("any"), "10.1.2.3")).isTrue();
        assertThat(allows(List.of("Any"), "2001:db8::1")).isTrue();
        assertThat(AllowedSources.parse(List.of("ANY")).allowsAny()).isTrue();
    }

    @Test
    void anEmptyListAllowsNobody() {
        assertThat(allows(List.of(), "127.0.0.1")).isFalse();
    }

    @Test
    void singleAddressesMatchExactly() {
        assertThat(allows(List.of("10.1.2.3"), "10.1.2.3")).isTrue();
        assertThat(allows(List.of("10.1.2.3"), "10.1.2.4")).isFalse();
        assertThat(allows(List.of("2001:db8::1"), "2001:0db8:0:0:0:0:0:1")).isTrue();
        assertThat(allows(List.of("2001:db8::1"), "2001:db8::2")).isFalse();
    }

    @Test
    void cidrBlocksMatchTheirPrefixIncludingOddLengths() {
        assertThat(allows(List.of("10.0.0.0/8"), "10.255.1.1")).isTrue();
        assertThat(allows(List.of("10.0.0.0/8"), "11.0.0.1")).isFalse();
        assertThat(allows(List.of("192.168.4.0/22"), "192.168.7.255")).isTrue();
        assertThat(allows(List.of("192.168.4.0/22"), "192.168.8.0")).isFalse();
        assertThat(allows(List.of("0.0.0.0/0"), "8.8.8.8")).isTrue();
        assertThat(allows(List.of("2001:db8::/32"), "2001:db8:ffff::1")).isTrue();
        assertThat(allows(List.of("2001:db8::/33"), "2001:db8:8000::1")).isFalse();
    }

    @Test
    void familiesDoNotMixButIpv4MappedPeersCountAsIpv4() {
        assertThat(allows(List.of("::/0"), "10.0.0.1")).isFalse();
        assertThat(allows(List.of("0.0.0.0/0"), "2001:db8::1")).isFalse();
        assertThat(AllowedSources.parse(List.of("10.0.0.0/8"))
                .allows(InetAddress.ofLiteral("::ffff:10.0.0.1"), NeighbourTable.NONE)).isTrue();
    }

    @Test
    void macEntriesMatchThePeersNeighbourEntryInEitherSpelling() {
        NeighbourTable table = peer -> peer.getHostAddress().equals("192.168.1.20")
                ? Optional.of("aa:bb:cc:dd:ee:ff") : Optional.empty();
        AllowedSources sources = AllowedSources.parse(List.of("AA-BB-CC-DD-EE-FF"));

        assertThat(sources.allows(InetAddress.ofLiteral("192.168.1.20"), table)).isTrue();
        assertThat(sources.allows(InetAddress.ofLiteral("192.168.1.21"), table)).isFalse();
        assertThat(sources.allows(InetAddress.ofLiteral("127.0.0.1"), NeighbourTable.linux())).isFalse();
    }

    @Test
    void theLinuxNeighbourTableIsRead() {
        List<String> arp = List.of("IP address       HW type     Flags       HW address            Mask     Device",
                "192.168.1.20     0x1         0x2         AA:BB:CC:DD:EE:FF     *        eth0",
                "192.168.1.30     0x1         0x0         00:00:00:00:00:00     *        eth0");

        assertThat(NeighbourTable.macIn(arp, "192.168.1.20")).contains("aa:bb:cc:dd:ee:ff");
        assertThat(NeighbourTable.macIn(arp, "192.168.1.30")).isEmpty();
    }

    @Test
    void entriesThatAreNoneOfTheKindsAreRefusedWithoutALookup() {
        for (String bad : List.of("example.com", "10.0.0.256", "10.0.0.0/33", "2001:db8::/129", "10.0.0", "",
                "aa:bb:cc:dd:ee", "10.0.0.0/", "1.2.3.4/-1")) {
            assertThatThrownBy(() -> AllowedSources.parse(List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }
}
