package io.vigil.gateway.tls;

import io.vigil.tls.Protocols;
import io.vigil.tls.TlsMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes the agent port with real external clients: nmap, openssl s_client and gnutls-cli. */
final class ExternalProbes {

    private static final Pattern PROTOCOL = Pattern.compile("^\\|\\s+(SSLv3|TLSv1\\.[0-3]):\\s*$");
    private static final Pattern SUITE = Pattern.compile("^\\|\\s+(TLS_\\w+) \\(");

    private ExternalProbes() {
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + " (./vigil test installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What nmap's ssl-enum-ciphers finds, per protocol (JSSE names), in the order it lists them. */
    static Map<String, List<String>> nmap(int port) {
        Result result = run(List.of("nmap", "-Pn", "--script", "ssl-enum-ciphers", "-p", Integer.toString(port),
                "127.0.0.1"));
        assertThat(result.exit()).as(result.output()).isZero();
        Map<String, List<String>> found = new LinkedHashMap<>();
        String protocol = null;
        for (String line : result.output().split("\n")) {
            Matcher p = PROTOCOL.matcher(line);
            if (p.matches()) {
                protocol = Protocols.normalise(p.group(1));
                found.put(protocol, new ArrayList<>());
                continue;
            }
            Matcher s = SUITE.matcher(line);
            if (s.find() && protocol != null) {
                found.get(protocol).add(s.group(1).replace("TLS_AKE_WITH_", "TLS_"));
            }
        }
        assertThat(result.output()).doesNotContain("cipher preference: client");
        return found;
    }

    /** The contract's table for a mode, as nmap should report it. */
    static Map<String, List<String>> table(TlsMode mode) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        mode.protocols().forEach(p -> table.put(p, mode.suites(p)));
        return table;
    }

    static boolean openssl(int port, String protocol, String suite) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
        switch (protocol) {
            case Protocols.TLS13 -> command.addAll(List.of("-tls1_3", "-ciphersuites", suite));
            case Protocols.TLS12 -> command.addAll(List.of("-tls1_2", "-cipher", opensslName(suite) + ":@SECLEVEL=0"));
            case Protocols.TLS10 -> command.addAll(List.of("-tls1", "-cipher", opensslName(suite) + ":@SECLEVEL=0"));
            default -> command.addAll(List.of("-tls1_1", "-cipher", "ALL:@SECLEVEL=0"));
        }
        Result result = run(command);
        return result.exit() == 0 && result.output().contains("Cipher is ");
    }

    static String opensslName(String iana) {
        Result result = run(List.of("openssl", "ciphers", "-convert", iana));
        String name = result.output().trim().replace("OpenSSL cipher name: ", "");
        assertThat(name).as("openssl knows " + iana).isNotBlank().doesNotContain(" ");
        return name;
    }

    static boolean gnutls3des(int port, String version) {
        Result result = run(List.of("gnutls-cli", "--insecure", "-p", Integer.toString(port), "--priority",
                "NONE:+" + version + ":+3DES-CBC:+RSA:+SHA1:+COMP-NULL:+SIGN-ALL", "127.0.0.1"));
        return result.output().contains("Handshake was completed");
    }
}
