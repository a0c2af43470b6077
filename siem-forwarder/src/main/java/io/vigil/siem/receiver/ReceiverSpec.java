package io.vigil.siem.receiver;

import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.format.Kind;
import io.vigil.siem.format.Outbound;

import java.util.Set;

/**
 * One syslog receiver of {@code vigil.siem.syslog.url}: where, how, and what it wants.
 *
 * @param tls         true for {@code tls://} (RFC 5425), false for {@code tcp://} (RFC 6587)
 * @param kinds       the kinds it receives ({@code ?kinds=}, default all)
 * @param minSeverity the lowest severity it receives ({@code ?minSeverity=}, default info = everything)
 */
public record ReceiverSpec(boolean tls, String host, int port, Set<Kind> kinds, CefSeverity minSeverity) {

    public ReceiverSpec {
        kinds = Set.copyOf(kinds);
    }

    public boolean accepts(Outbound message) {
        return kinds.contains(message.kind()) && message.severity().cef() >= minSeverity.cef();
    }

    /** For logs and metric tags: {@code tcp://host:port}. */
    public String name() {
        return (tls ? "tls://" : "tcp://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
