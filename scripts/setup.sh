#!/usr/bin/env bash
# Install what building and testing newskg needs on a fresh Debian machine with the Rust toolchain and Python 3:
# libclang (the bundled RocksDB of Oxigraph is built with bindgen), and the third-party tools the interoperability
# tests run against newskg's output: Raptor's rapper, Virtuoso Open Source, and rdflib, pyshacl and rudof from PyPI
# (tests/interop/requirements.txt). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
for pkg in libclang-dev raptor2-utils virtuoso-opensource; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if ! python3 -c 'import rdflib, pyshacl, pyrudof' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
fi
