package io.vigil.gateway.tls;

import io.vigil.tls.Suites;
import io.vigil.tls.TlsMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Refuses a TLS mode the JVM cannot serve exactly: unknown suite or protocol names, or JDK defaults not lifted. */
public final class TlsModeCheck {

    private TlsModeCheck() {
    }

    /**
     * The problems that prevent serving the given protocols and suites; empty when fine.
     *
     * @param supportedProtocols what the JSSE provider supports
     * @param supportedSuites    what the JSSE provider supports (JSSE names)
     * @param disabledAlgorithms the current {@code jdk.tls.disabledAlgorithms}
     */
    public static List<String> problems(TlsMode mode, List<String> protocols, List<String> suites,
                                        Set<String> supportedProtocols, Set<String> supportedSuites,
                                        String disabledAlgorithms) {
        List<String> problems = new ArrayList<>();
        List<String> blocking = JvmTlsSettings.blocking(mode, disabledAlgorithms);
        if (!blocking.isEmpty()) {
            // the JDK hides what it disables: name the cause, not a list of "unknown" suites
            problems.add("TLS mode '" + mode.configName() + "' needs " + blocking + " removed from "
                    + JvmTlsSettings.PROPERTY + ", which the gateway's main class does before Quarkus starts for the "
                    + "mode it reads from system properties, the environment (VIGIL_GATEWAY_TLS_MODE) and "
                    + "application.properties: start it with 'java -jar quarkus-run.jar' and set the mode in one of "
                    + "those places");
            return problems;
        }
        protocols.stream().filter(p -> !supportedProtocols.contains(p))
                .forEach(p -> problems.add("unknown TLS protocol '" + p + "'"));
        suites.stream().filter(s -> !supportedSuites.contains(Suites.jsseName(s)))
                .forEach(s -> problems.add("unknown cipher suite '" + s + "'"));
        return problems;
    }
}
