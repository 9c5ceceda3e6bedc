#!/usr/bin/env bash
# Install what building and testing newskg needs on a fresh Debian machine with the Rust toolchain:
# libclang (the bundled RocksDB of Oxigraph is built with bindgen). Safe to run again.
set -euo pipefail
need=()
dpkg -s libclang-dev >/dev/null 2>&1 || need+=(libclang-dev)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
