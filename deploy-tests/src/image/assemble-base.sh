#!/usr/bin/env bash
# Assembles the base file system of the service images, without pulling anything from a container registry
# (none is reachable here): a jlink runtime of the build's own JDK (Temurin 25) at /opt/java/openjdk, the C
# libraries that runtime links against taken from the build host (Debian glibc), an /etc/passwd with the
# non-root user 185, and an empty /tmp. Jib layers it under the application as-is ("from: scratch").
#
# usage: assemble-base.sh JAVA_HOME OUTPUT_DIR [CLASSES_DIR]
# CLASSES_DIR: created empty if missing (Jib insists on the module's class output directory; this module has no
# main classes, so nothing of it goes into the images).
set -euo pipefail
java_home=$1
out=$2
if [ -n "${3:-}" ]; then
  mkdir -p "$3"
fi
rootfs="$out/rootfs"
modules="java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.sql.rowset,java.transaction.xa,java.xml,java.xml.crypto,jdk.attach,jdk.charsets,\
jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jcmd,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,\
jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs"

stamp="$out/.inputs"
inputs="$("$java_home/bin/java" -version 2>&1 | tr '\n' ' ')|$modules|$(sha256sum "$0" | cut -c1-64)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ] && [ -x "$rootfs/opt/java/openjdk/bin/java" ]; then
  echo "image base up to date: $rootfs"
  exit 0
fi
rm -rf "$out"
mkdir -p "$rootfs/opt/java" "$rootfs/etc" "$rootfs/tmp" "$rootfs/deployments"

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$rootfs/opt/java/openjdk"

# C libraries: every shared object that an executable or library of the runtime needs, at the same path,
# plus the dynamic loader at the path the ELF headers name (/lib64/ld-linux-x86-64.so.2). The services run
# headless (-Djava.awt.headless=true): the X11 and sound libraries of java.desktop are never loaded, so their
# dependencies are left out.
libs=$(find "$rootfs/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \) \
  ! -name libawt_xawt.so ! -name libjawt.so ! -name libsplashscreen.so ! -name libjsound.so \
  -exec ldd {} \; 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/lib64\// { print $1 }' | sort -u)
for lib in $libs; do
  case "$lib" in
    "$rootfs"*) continue ;;   # the runtime's own libraries
  esac
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
if [ ! -e "$rootfs/lib64/ld-linux-x86-64.so.2" ]; then
  echo "the dynamic loader was not found by ldd" >&2
  exit 1
fi
mkdir -p "$rootfs/usr/share/doc/libc6"
cp /usr/share/doc/libc6/copyright "$rootfs/usr/share/doc/libc6/copyright"

cat > "$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
vigil:x:185:185:Vigil service:/tmp:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
PASSWD
cat > "$rootfs/etc/group" <<'GROUP'
root:x:0:
vigil:x:185:
nogroup:x:65534:
GROUP
cat > "$rootfs/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
printf '%s\n' "$inputs" > "$stamp"
echo "image base assembled: $(du -sh "$rootfs" | cut -f1) in $rootfs"
