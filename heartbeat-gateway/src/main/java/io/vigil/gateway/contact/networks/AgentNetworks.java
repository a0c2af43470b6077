package io.vigil.gateway.contact.networks;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the gateway may call agents: an address inside one of the configured agent networks, except the special
 * ranges below, which a configured network reaches only when it lies wholly inside the special range (so
 * {@code 0.0.0.0/0} never reaches loopback or the cloud metadata service, {@code 127.0.0.0/8} reaches loopback, and
 * {@code 169.254.0.0/16} reaches link-local agents but still not {@code 169.254.169.254}, which needs exactly
 * {@code 169.254.169.254/32}). This keeps a registration's {@code agentAddress} (reported by whoever holds an agent
 * certificate) from turning the gateway's calls against itself, its pod network's neighbours or the metadata service.
 */
public final class AgentNetworks {

    /** Never called unless a configured network lies inside the range. */
    public static final List<Special> SPECIAL = List.of(
            new Special(Cidr.parse("0.0.0.0/8"), "an unspecified (\"this network\") address"),
            new Special(Cidr.parse("127.0.0.0/8"), "a loopback address"),
            new Special(Cidr.parse("169.254.0.0/16"), "a link-local address"),
            new Special(Cidr.parse("169.254.169.254/32"), "the cloud metadata address"),
            new Special(Cidr.parse("168.63.129.16/32"), "the Azure platform (metadata) address"),
            new Special(Cidr.parse("100.100.100.200/32"), "the Alibaba Cloud metadata address"),
            new Special(Cidr.parse("224.0.0.0/4"), "a multicast address"),
            new Special(Cidr.parse("240.0.0.0/4"), "a reserved or broadcast address"),
            new Special(Cidr.parse("::/96"), "an unspecified, loopback or IPv4-compatible IPv6 address"),
            new Special(Cidr.parse("::1/128"), "the IPv6 loopback address"),
            new Special(Cidr.parse("fe80::/10"), "an IPv6 link-local address"),
            new Special(Cidr.parse("fd00:ec2::254/128"), "the cloud metadata address (IPv6)"),
            new Special(Cidr.parse("ff00::/8"), "an IPv6 multicast address"));

    /** A special range and what it is, for the refusal's reason. */
    public record Special(Cidr range, String what) {
    }

    private final List<Cidr> networks;

    public AgentNetworks(List<Cidr> networks) {
        this.networks = List.copyOf(networks);
    }

    /** From the configured texts ({@code vigil.gateway.agents.networks}); IllegalArgumentException naming a bad one. */
    public static AgentNetworks of(List<String> texts) {
        return new AgentNetworks(texts.stream().filter(t -> !t.isBlank()).map(Cidr::parse).toList());
    }

    public List<Cidr> networks() {
        return networks;
    }

    /** Why the gateway must not call this address, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = Cidr.canonical(address);
        List<Special> specials = SPECIAL.stream().filter(s -> s.range().contains(bytes)).toList();
        for (Cidr network : networks) {
            if (network.contains(bytes) && specials.stream().allMatch(s -> s.range().contains(network))) {
                return Optional.empty();
            }
        }
        String shown = address.getHostAddress();
        if (!specials.isEmpty()) {
            Special narrowest = specials.stream().max(Comparator.comparingInt(s -> s.range().prefix())).orElseThrow();
            return Optional.of(shown + " is " + narrowest.what() + " (" + narrowest.range()
                    + "), which the agent networks do not name explicitly");
        }
        return Optional.of(shown + " is outside the agent networks " + networks);
    }
}
