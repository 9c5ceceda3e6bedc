#!/usr/bin/env bash
# The main job of the README: set up, build, load the bundled example articles into the embedded store,
# ask the saved questions and write the HTML report. The store goes to $NEWSKG_STORE (default here: ./target/demo-store).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
export NEWSKG_STORE="${NEWSKG_STORE:-$PWD/target/demo-store}"
newskg="${CARGO_TARGET_DIR:-target}/release/newskg"
$newskg load examples/articles
for q in "who-met-whom" "people-with-role --param role=president" "roles-of-person --param person=Peskov" "timeline"; do
  echo
  echo "== newskg query $q"
  # shellcheck disable=SC2086
  $newskg query $q --format table
done
echo
echo "== Turtle of the example article: $newskg extract examples/articles/putin-witkoff-2025-03-14.txt | head -40"
$newskg extract examples/articles/putin-witkoff-2025-03-14.txt | head -40
echo
report="${CARGO_TARGET_DIR:-target}/demo-report.html"
echo "== HTML report of the store: $newskg report -o $report"
$newskg report -o "$report"
echo "open $report in a browser"
