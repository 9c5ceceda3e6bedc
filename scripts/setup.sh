#!/usr/bin/env bash
# Install what newskg needs on a fresh Debian machine with the Rust toolchain and Python 3. Safe to run again.
#   scripts/setup.sh          building: libclang (the bundled RocksDB of Oxigraph is built with bindgen)
#   scripts/setup.sh --test   also the tools the interoperability tests run against newskg's output: Raptor's
#                             rapper, Virtuoso Open Source and Chromium (apt), rdflib, pyshacl, rudof,
#                             websocket-client and pyspark (pip, tests/interop/requirements.txt), and a Java
#                             runtime for Spark (Debian's default-jre-headless, only when there is no java)
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(libclang-dev)
[ "${1:-}" = "--test" ] && packages+=(raptor2-utils virtuoso-opensource chromium)
# Spark runs on Java 17 or later; a machine that has one (CI has Java 17) keeps it.
[ "${1:-}" = "--test" ] && ! command -v java >/dev/null 2>&1 && packages+=(default-jre-headless)
need=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if [ "${1:-}" = "--test" ] && ! python3 -c 'import rdflib, pyshacl, pyrudof, websocket, pyspark' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
fi
