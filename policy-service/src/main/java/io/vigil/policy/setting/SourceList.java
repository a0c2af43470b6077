package io.vigil.policy.setting;

import java.util.List;
import java.util.TreeSet;

/**
 * The listening-port source list ({@code firewallSettingAgentListeningPortAllowedSources}): {@code "Any"}, or
 * addresses, CIDR blocks and MACs, normalised, sorted (IPv4, IPv6, MAC; by address, then prefix) and deduplicated.
 *
 * @param entries empty for Any
 */
public record SourceList(List<NetworkAddress> entries) {

    public static final String ANY = "Any";
    /** The agent document's form of Any. */
    public static final String AGENT_ANY = "any";
    public static final int MAX_ENTRIES = 256;

    public static SourceList parse(String text) {
        if (text.strip().equalsIgnoreCase(ANY)) {
            return new SourceList(List.of());
        }
        String[] items = text.split(",", -1);
        if (items.length > MAX_ENTRIES) {
            throw new IllegalArgumentException("too many entries");
        }
        TreeSet<NetworkAddress> entries = new TreeSet<>();
        for (String item : items) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("an entry is empty");
            }
            if (entry.equalsIgnoreCase(ANY)) {
                throw new IllegalArgumentException("\"Any\" cannot be combined with other entries");
            }
            entries.add(NetworkAddress.parse(entry));
        }
        return new SourceList(List.copyOf(entries));
    }

    public boolean any() {
        return entries.isEmpty();
    }

    /** The normalised setting value: {@code "Any"} or the entries joined by commas. */
    public String text() {
        return any() ? ANY : String.join(",", agentEntries());
    }

    /** {@code listeningPortAllowedSources} of the agent's configuration document. */
    public List<String> agentEntries() {
        return any() ? List.of(AGENT_ANY) : entries.stream().map(NetworkAddress::text).toList();
    }
}
