package io.vigil.agent;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The simulator's command line; see {@link #USAGE}. */
record CliOptions(URI gateway, URI registry, String apiKey, String token, String caSha256, long policyID, int count,
                  String hostPrefix, int listenBasePort, boolean listen, String listenHost, String agentAddress,
                  String release, String tlsVariant, String agentVersion, String platform, String computerType,
                  long clockSkewSeconds, double activationRate, boolean sharedKey, long durationSeconds,
                  long statsSeconds) {

    static final String USAGE = """
            usage: java -jar agent-simulator.jar [options]
              --gateway URL            the gateway's agent port (default https://127.0.0.1:4120)
              --registry URL           agent-registry, to create a token (default http://127.0.0.1:8082)
              --api-key-file FILE      file holding the console API key (full access), to create the activation
                                       token; without it the key comes from the environment variable VIGIL_API_KEY
                                       (a key is never given on the command line, where every user could read it)
              --token T --ca-sha256 H  use this activation token and CA pin instead of creating a token
              --policy-id N            policy of a created token (default 1, the Base Policy)
              --count N                number of agents (default 1)
              --host-prefix P          host names P1, P2, ... (default sim-)
              --listen-base-port N     agent i listens on N+i-1 (default 4118; 0: a free port each)
              --no-listen              agents never open a listening port
              --listen-host H          interface to listen on (default 0.0.0.0)
              --agent-address A        agentAddress reported at activation (default: the connection's source)
              --release R              agent release line of DSM's TLS table (default 20)
              --tls-variant V          standard, strong or fips, where the release has it (default standard)
              --agent-version V        agentVersion (default: derived from the release)
              --platform P             Linux or Windows (Windows agents report clock changes as event 5004)
              --computer-type T        physical, virtual-machine or appliance (default physical)
              --clock-skew S           agent clock offset in seconds (default 0)
              --activation-rate R      activations started per second (default 20)
              --shared-key             one RSA key pair for all agents (faster start of large fleets)
              --duration S             stop after S seconds (default: run until Ctrl-C)
              --stats S                print fleet totals every S seconds (default 60; 0: never)
            """;

    static CliOptions parse(List<String> args) {
        return parse(args, System::getenv);
    }

    /** @param environment the process environment ({@link ApiKeySource#VARIABLE}) */
    static CliOptions parse(List<String> args, java.util.function.UnaryOperator<String> environment) {
        Deque<String> in = new ArrayDeque<>(args);
        URI gateway = URI.create("https://127.0.0.1:4120");
        URI registry = URI.create("http://127.0.0.1:8082");
        String apiKey = null, token = null, ca = null, hostPrefix = "sim-", listenHost = "0.0.0.0", address = null;
        String release = "20", variant = "standard", version = null, platform = "Linux", type = "physical";
        long policy = 1, skew = 0, duration = 0, stats = 60;
        int count = 1, basePort = 4118;
        boolean listen = true, sharedKey = false;
        double rate = 20;
        while (!in.isEmpty()) {
            String option = in.removeFirst();
            switch (option) {
                case "--gateway" -> gateway = URI.create(value(in, option));
                case "--registry" -> registry = URI.create(value(in, option));
                case "--api-key-file" -> apiKey = ApiKeySource.file(java.nio.file.Path.of(value(in, option)));
                case "--api-key" -> throw new IllegalArgumentException(
                        "--api-key is not accepted: give --api-key-file FILE or the environment variable VIGIL_API_KEY");
                case "--token" -> token = value(in, option);
                case "--ca-sha256" -> ca = value(in, option);
                case "--policy-id" -> policy = Long.parseLong(value(in, option));
                case "--count" -> count = Integer.parseInt(value(in, option));
                case "--host-prefix" -> hostPrefix = value(in, option);
                case "--listen-base-port" -> basePort = Integer.parseInt(value(in, option));
                case "--no-listen" -> listen = false;
                case "--listen-host" -> listenHost = value(in, option);
                case "--agent-address" -> address = value(in, option);
                case "--release" -> release = value(in, option);
                case "--tls-variant" -> variant = value(in, option);
                case "--agent-version" -> version = value(in, option);
                case "--platform" -> platform = value(in, option);
                case "--computer-type" -> type = value(in, option);
                case "--clock-skew" -> skew = Long.parseLong(value(in, option));
                case "--activation-rate" -> rate = Double.parseDouble(value(in, option));
                case "--shared-key" -> sharedKey = true;
                case "--duration" -> duration = Long.parseLong(value(in, option));
                case "--stats" -> stats = Long.parseLong(value(in, option));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1");
        }
        if ((token == null) != (ca == null)) {
            throw new IllegalArgumentException("--token and --ca-sha256 go together");
        }
        if (apiKey == null) {
            apiKey = environment.apply(ApiKeySource.VARIABLE);
        }
        if (token == null && (apiKey == null || apiKey.isBlank())) {
            throw new IllegalArgumentException("give --api-key-file or VIGIL_API_KEY (to create a token), or --token "
                    + "with --ca-sha256");
        }
        if (basePort != 0 && basePort + count - 1 > 65535) {
            throw new IllegalArgumentException("--listen-base-port + --count exceeds 65535");
        }
        if (rate <= 0) {
            throw new IllegalArgumentException("--activation-rate must be positive");
        }
        return new CliOptions(gateway, registry, apiKey, token, ca, policy, count, hostPrefix, basePort, listen,
                listenHost, address, release, variant, version, platform, type, skew, rate, sharedKey, duration,
                stats);
    }

    private static String value(Deque<String> in, String option) {
        if (in.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return in.removeFirst();
    }
}
