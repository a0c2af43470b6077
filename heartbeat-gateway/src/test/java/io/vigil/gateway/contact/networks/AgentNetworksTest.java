package io.vigil.gateway.contact.networks;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent-network rule: CIDR membership at every prefix, the special ranges and their explicit opt-in. */
class AgentNetworksTest {

    private static final AgentNetworks DEFAULTS = AgentNetworks.of(List.of("0.0.0.0/0", "::/0"));
    private static final AgentNetworks WITH_LOOPBACK = AgentNetworks.of(List.of("127.0.0.0/8", "0.0.0.0/0", "::/0"));

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    private static InetAddress ip(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean allowed(AgentNetworks networks, String literal) {
        return networks.refusal(ip(literal)).isEmpty();
    }

    @Provide
    Arbitrary<byte[]> ipv4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    @Provide
    Arbitrary<byte[]> ipv6() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16)
                .filter(b -> !(isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)); // not mapped
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] flipBit(byte[] address, int bit) {
        byte[] out = address.clone();
        out[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return out;
    }

    @Property
    void anIpv4NetworkHoldsExactlyTheAddressesSharingItsPrefix(@ForAll("ipv4") byte[] address,
                                                               @ForAll @IntRange(max = 32) int prefix,
                                                               @ForAll @IntRange(max = 31) int bit) {
        Cidr network = new Cidr(address, prefix);
        assertThat(network.contains(ip(address))).isTrue();
        assertThat(network.contains(ip(flipBit(address, bit)))).isEqualTo(bit >= prefix);
        assertThat(Cidr.parse(network.toString())).isEqualTo(network);
    }

    @Property
    void anIpv6NetworkHoldsExactlyTheAddressesSharingItsPrefix(@ForAll("ipv6") byte[] address,
                                                               @ForAll @IntRange(max = 128) int prefix,
                                                               @ForAll @IntRange(max = 127) int bit) {
        Cidr network = new Cidr(address, prefix);
        assertThat(network.contains(address)).isTrue();
        assertThat(network.contains(flipBit(address, bit))).isEqualTo(bit >= prefix);
        assertThat(Cidr.parse(network.toString())).isEqualTo(network);
    }

    @Property
    void anAddressOfTheOtherFamilyIsNeverInside(@ForAll("ipv4") byte[] v4, @ForAll("ipv6") byte[] v6) {
        assertThat(Cidr.parse("::/0").contains(ip(v4))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip(v6))).isFalse();
        assertThat(AgentNetworks.of(List.of("::/0")).refusal(ip(v4))).isPresent();
    }

    @Property
    void theDefaultNetworksAllowEveryAddressOutsideTheSpecialRangesAndNoneInside(@ForAll("ipv4") byte[] v4,
                                                                                 @ForAll("ipv6") byte[] v6) {
        for (byte[] address : List.of(v4, v6)) {
            boolean special = AgentNetworks.SPECIAL.stream().anyMatch(s -> s.range().contains(address));
            assertThat(DEFAULTS.refusal(ip(address)).isEmpty()).isEqualTo(!special);
        }
    }

    @Property
    void everyLoopbackAddressNeedsTheExplicitOptIn(@ForAll @IntRange(max = 0xffffff) int host) {
        InetAddress loopback = ip(new byte[]{127, (byte) (host >>> 16), (byte) (host >>> 8), (byte) host});
        assertThat(DEFAULTS.refusal(loopback)).hasValueSatisfying(r -> assertThat(r).contains("loopback"));
        assertThat(WITH_LOOPBACK.refusal(loopback)).isEmpty();
    }

    @Property
    void everyLinkLocalAddressIsRefusedByDefault(@ForAll @IntRange(max = 0xffff) int host,
                                                 @ForAll("ipv6") byte[] suffix) {
        assertThat(DEFAULTS.refusal(ip(new byte[]{(byte) 169, (byte) 254, (byte) (host >>> 8), (byte) host})))
                .isPresent();
        byte[] v6 = suffix.clone();
        v6[0] = (byte) 0xfe;
        v6[1] = (byte) (0x80 | (v6[1] & 0x3f)); // fe80::/10
        assertThat(DEFAULTS.refusal(ip(v6))).hasValueSatisfying(r -> assertThat(r).contains("link-local"));
    }

    @Example
    void loopbackEdges() {
        assertThat(allowed(DEFAULTS, "126.255.255.255")).isTrue();
        assertThat(allowed(DEFAULTS, "127.0.0.0")).isFalse();
        assertThat(allowed(DEFAULTS, "127.255.255.255")).isFalse();
        assertThat(allowed(DEFAULTS, "128.0.0.0")).isTrue();
        assertThat(allowed(DEFAULTS, "::1")).isFalse();
        assertThat(allowed(DEFAULTS, "::ffff:127.0.0.1")).isFalse(); // IPv4-mapped is IPv4
        assertThat(allowed(WITH_LOOPBACK, "::1")).isFalse(); // 127.0.0.0/8 opts in IPv4 loopback only
        assertThat(allowed(AgentNetworks.of(List.of("::1/128")), "::1")).isTrue();
        assertThat(allowed(DEFAULTS, "0.0.0.0")).isFalse();
        assertThat(allowed(DEFAULTS, "::")).isFalse();
    }

    @Example
    void linkLocalAndMetadataEdges() {
        assertThat(allowed(DEFAULTS, "169.253.255.255")).isTrue();
        assertThat(allowed(DEFAULTS, "169.254.0.0")).isFalse();
        assertThat(allowed(DEFAULTS, "169.255.0.0")).isTrue();
        AgentNetworks linkLocal = AgentNetworks.of(List.of("169.254.0.0/16", "fe80::/10"));
        assertThat(allowed(linkLocal, "169.254.1.1")).isTrue();
        assertThat(linkLocal.refusal(ip("169.254.169.254")))
                .hasValueSatisfying(r -> assertThat(r).contains("cloud metadata address"));
        assertThat(allowed(AgentNetworks.of(List.of("169.254.169.254/32")), "169.254.169.254")).isTrue();
        assertThat(allowed(DEFAULTS, "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(allowed(DEFAULTS, "fe80::")).isFalse();
        assertThat(allowed(DEFAULTS, "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isFalse();
        assertThat(allowed(DEFAULTS, "fec0::")).isTrue();
        assertThat(allowed(linkLocal, "fe80::1")).isTrue();
        assertThat(DEFAULTS.refusal(ip("fd00:ec2::254")))
                .hasValueSatisfying(r -> assertThat(r).contains("cloud metadata address (IPv6)"));
        assertThat(allowed(DEFAULTS, "fd00:ec2::253")).isTrue();
        assertThat(allowed(DEFAULTS, "fd00:ec2::255")).isTrue();
    }

    @Example
    void onlyTheConfiguredNetworksAreCalled() {
        AgentNetworks office = AgentNetworks.of(List.of("10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32"));
        assertThat(allowed(office, "10.255.255.255")).isTrue();
        assertThat(allowed(office, "11.0.0.0")).isFalse();
        assertThat(allowed(office, "9.255.255.255")).isFalse();
        assertThat(allowed(office, "::ffff:10.1.2.3")).isTrue();
        assertThat(allowed(office, "192.169.0.0")).isFalse();
        assertThat(allowed(office, "2001:db8:ffff::1")).isTrue();
        assertThat(allowed(office, "2001:db9::1")).isFalse();
        assertThat(office.refusal(ip("8.8.8.8")))
                .hasValueSatisfying(r -> assertThat(r).contains("outside the agent networks"));
        assertThat(AgentNetworks.of(List.of()).refusal(ip("10.0.0.1"))).isPresent();
    }

    @Example
    void parsing() {
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.1.2.3")).hasToString("10.1.2.3/32");
        assertThat(Cidr.parse(" FE80::1/10 ")).hasToString("fe80:0:0:0:0:0:0:0/10");
        assertThat(Cidr.parse("::ffff:10.0.0.0/104")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        for (String bad : List.of("", "localhost", "example.com/8", "10.0.0.0/33", "::/129", "10.0.0.0/", "1.2.3/8",
                "10.0.0.256/8", "::ffff:1.2.3.4/95", "10.0.0.0/-1", "dead/8", "1:2:3/64")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
