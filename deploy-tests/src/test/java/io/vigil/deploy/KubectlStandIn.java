package io.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for kubectl that keeps Secrets as directories ({@code <secrets>/<name>/<key>}) and knows the calls the
 * CA Job makes: {@code get secret NAME [-o jsonpath={.data.KEY}]}, {@code create secret generic NAME --from-file=K=F},
 * {@code create secret tls NAME --cert=F --key=F} and {@code delete secret NAME}. Every call is appended to
 * {@code calls}; any other call fails.
 */
public final class KubectlStandIn {

    private KubectlStandIn() {
    }

    /** Writes {@code bin/kubectl} and answers it. */
    public static Path write(Path bin, Path secrets, Path calls) throws IOException {
        Files.createDirectories(bin);
        Path kubectl = bin.resolve("kubectl");
        Files.writeString(kubectl, """
                #!/bin/sh
                echo "kubectl $*" >> %1$s
                dir=%2$s
                case "$1 $2" in
                  "get secret")
                    [ -d "$dir/$3" ] || { echo "Error from server (NotFound): secrets \\"$3\\" not found" >&2; exit 1; }
                    for a in "$@"; do
                      case "$a" in jsonpath=*)
                        key=$(printf %%s "$a" | sed -e 's/^jsonpath={.data.//' -e 's/}$//' -e 's/\\\\\\././g')
                        base64 -w0 < "$dir/$3/$key" ;;
                      esac
                    done ;;
                  "create secret")
                    [ -d "$dir/$4" ] && exit 1
                    mkdir -p "$dir/$4"
                    for a in "$@"; do
                      case "$a" in
                        --from-file=*) kv=${a#--from-file=}; cp "${kv#*=}" "$dir/$4/${kv%%%%=*}" ;;
                        --cert=*) cp "${a#--cert=}" "$dir/$4/tls.crt" ;;
                        --key=*) cp "${a#--key=}" "$dir/$4/tls.key" ;;
                      esac
                    done ;;
                  "delete secret") rm -rf "$dir/$3" ;;
                  *) echo "kubectl stand-in: unsupported call $*" >&2; exit 2 ;;
                esac
                """.formatted(calls, secrets));
        kubectl.toFile().setExecutable(true);
        return kubectl;
    }
}
