#!/usr/bin/env bash
# The test command of the README: set up a fresh machine, then build and run every test.
# One profile (release) is built, for the tests and the binary alike: RocksDB takes ~20 minutes per profile.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
cargo test --release --no-fail-fast "$@"
# The Python side: the evaluation harness and the data converters, on hand-written inputs.
python3 -m unittest discover -s eval/tests -q
python3 -m unittest -q scripts/test_build_wordnet.py scripts/test_build_organisations.py
