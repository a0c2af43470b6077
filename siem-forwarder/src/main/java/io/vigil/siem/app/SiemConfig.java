package io.vigil.siem.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the SIEM forwarder ({@code vigil.siem.*}; environment {@code VIGIL_SIEM_*}). */
@ConfigMapping(prefix = "vigil.siem")
public interface SiemConfig {

    Syslog syslog();

    Tls tls();

    Delivery delivery();

    /** Kafka consumer group; each group delivers every message once to each of its receivers. */
    @WithDefault("siem-forwarder")
    String groupId();

    /** CEF device version in the header. */
    @WithDefault("1.0")
    String productVersion();

    /** How long to wait at start for the computer directory (host names, IPs) before forwarding anyway. */
    @WithDefault("30s")
    Duration directoryLoadTimeout();

    interface Syslog {
        /**
         * Receivers: comma-separated {@code tcp://host:port} or {@code tls://host:port}, each optionally with
         * {@code ?kinds=alerts,agent-events,audit&minSeverity=warning}. None: the forwarder idles.
         */
        Optional<String> url();

        /** Syslog facility 0-23 of every message (16 = local0). */
        @WithDefault("16")
        int facility();

        /** RFC 5424 HOSTNAME: this manager's name; default the machine's host name. */
        Optional<String> hostname();
    }

    interface Tls {
        /** Trust store for {@code tls://} receivers: PEM certificates, or PKCS#12/JKS by extension. Default JDK CAs. */
        Optional<Path> trustStore();

        /** Password of a PKCS#12/JKS trust store. */
        Optional<String> trustStorePassword();

        /** Check that the receiver's certificate names the host of its URL. */
        @WithDefault("true")
        boolean verifyHostname();
    }

    interface Delivery {
        /** Connect timeout per attempt. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest one batch may take from connect to the receiver's close before it counts as not delivered. */
        @WithDefault("30s")
        Duration timeout();

        /** First wait after a failed attempt; doubled after each failure. */
        @WithDefault("500ms")
        Duration backoffInitial();

        /** Longest wait between attempts. */
        @WithDefault("30s")
        Duration backoffMax();

        /** Most records per batch (one connection per receiver and batch). */
        @WithDefault("2000")
        int batchSize();
    }
}
