package io.vigil.gateway.tls;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

import java.security.Provider;
import java.security.Security;
import java.util.Locale;

/**
 * The JDK computes RSA in Java ({@code BigInteger}): one full TLS handshake of the agent port cost 2.7-4 ms of CPU,
 * almost half of it the server's RSA-2048 signature, and every activation also pays the CA's RSA-3072 signature. This
 * puts the Amazon Corretto Crypto Provider (AWS-LC, native code shipped in its jar) first among the JVM's providers,
 * so that those signatures, ECDH on the NIST curves, AES-GCM, HMAC, digests and the random source run natively.
 * JSSE stays the TLS engine: protocols, suites, their order and every handshake message are what the mode defines,
 * only the primitives underneath change (X25519 and what else the provider lacks stay with the JDK's providers).
 *
 * <p>{@code vigil.gateway.tls.crypto}: {@code native} (default) or {@code jdk}. Where the native library cannot load
 * (another OS or CPU, a C library it does not fit) or fails its self-tests, the JDK's providers serve and the reason is
 * returned for the log. Installed once per JVM, before Quarkus starts ({@link io.vigil.gateway.GatewayMain}).
 */
public final class NativeCrypto {

    public static final String PROPERTY = "vigil.gateway.tls.crypto";
    public static final String NATIVE = "native";
    public static final String JDK = "jdk";

    private static Outcome outcome = new Outcome(false, "JDK cryptography (not installed)");

    private NativeCrypto() {
    }

    /** What the last {@link #install} did; logged at start-up by {@link AgentPortTls}. */
    public static synchronized Outcome outcome() {
        return outcome;
    }

    /** What {@link #install} did, in words for the start-up log. */
    public record Outcome(boolean installed, String description) {
    }

    /**
     * Installs the native provider first unless {@code choice} is {@code jdk}.
     *
     * @throws IllegalArgumentException for a choice other than {@code native} or {@code jdk}
     */
    public static synchronized Outcome install(String choice) {
        outcome = choose(choice);
        return outcome;
    }

    private static Outcome choose(String choice) {
        String normalised = choice == null ? NATIVE : choice.trim().toLowerCase(Locale.ROOT);
        if (JDK.equals(normalised)) {
            return new Outcome(false, "JDK cryptography (" + PROPERTY + "=" + JDK + ")");
        }
        if (!NATIVE.equals(normalised)) {
            throw new IllegalArgumentException(PROPERTY + " must be '" + NATIVE + "' or '" + JDK + "', not '"
                    + choice + "'");
        }
        if (active()) {
            return new Outcome(true, describe());
        }
        try {
            Throwable loadingError = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
            if (loadingError != null) {
                return new Outcome(false, "JDK cryptography: the native provider did not load (" + loadingError + ")");
            }
            AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
        } catch (RuntimeException | LinkageError e) {
            return new Outcome(false, "JDK cryptography: the native provider is not usable (" + e + ")");
        }
        AmazonCorrettoCryptoProvider.install();
        return new Outcome(true, describe());
    }

    /** Whether the native provider is the JVM's first. */
    public static boolean active() {
        Provider[] providers = Security.getProviders();
        return providers.length > 0 && AmazonCorrettoCryptoProvider.PROVIDER_NAME.equals(providers[0].getName());
    }

    private static String describe() {
        AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
        return "native cryptography first: " + provider.getName() + " " + provider.getVersionStr() + " ("
                + provider.getAwsLcVersionStr() + ")";
    }
}
