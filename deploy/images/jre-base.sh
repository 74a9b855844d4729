#!/usr/bin/env bash
# Builds the root filesystem of Tampon's image base into $1 (default target/jre-base): a JRE made by jlink from the
# build machine's JDK 17 with only the modules the services use, the shared libraries it needs (its ldd closure,
# glibc included), /etc/passwd and /etc/group with the unprivileged user tampon (10001) and a /tmp.
#
# Why not eclipse-temurin:17-jre? Jib would pull it from a registry, and the build machines reach none: this base is
# made from what the machine has, needs no daemon and is smaller (~75 MB). Where a registry is reachable, building
# FROM an official JRE image is a one-property change (see deploy/README.md).
set -euo pipefail

out="${1:-target/jre-base}"
mkdir -p "$out"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
# jdeps --print-module-deps over the four services' classpaths, plus what is loaded by name at run time: French
# dates (jdk.localedata), mail charsets (jdk.charsets), DNS and Kerberos-free SASL for the drivers, JFR (Netty and
# Micronaut use its events; without it the ingest HTTP pipeline failed in the image).
modules="java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.charsets,\
jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs"

if [[ -x "$out/opt/java/bin/java" && "$out/.modules" -nt "$0" ]]; then
  echo "jre-base: up to date in $out"
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/opt/java"

# Every shared library the JRE loads, and the dynamic loader, at the paths the binaries expect.
for lib in $(find "$out/opt/java" -name '*.so' -o -path '*/bin/*' -type f | xargs ldd 2>/dev/null \
    | awk '/=> \// {print $3} /^\s*\/.*ld-linux/ {print $1}' | grep -v "^$(readlink -f "$out")" | sort -u); do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
loader=/lib64/ld-linux-x86-64.so.2
mkdir -p "$out/lib64" && cp -L "$loader" "$out$loader"

printf 'root:x:0:0:root:/root:/sbin/nologin\ntampon:x:10001:10001:tampon:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\ntampon:x:10001:\n' > "$out/etc/group"
chmod 1777 "$out/tmp"
echo "$modules" > "$out/.modules"
echo "jre-base: $(du -sh "$out" | cut -f1) in $out ($("$out/opt/java/bin/java" -version 2>&1 | head -1))"
