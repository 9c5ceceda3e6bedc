#!/usr/bin/env bash
# Run both peers on the dev files, then score them side by side (with newskg if its binary exists).
# Usage: eval/peers/run_peers.sh [DATA_DIR]      (default: $NEWSKG_EVAL_DATA or ../shared/eval from the repo root)
# HeidelTime on te3_tbaq.jsonl takes about half an hour (one JVM per document); it resumes where it stopped.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
data="${1:-${NEWSKG_EVAL_DATA:-$repo/../shared/eval}}"
out="$repo/eval/out"
mkdir -p "$out"
for f in meantime_dev gum_news_dev roles_dev; do
  python3 "$here/spacy_ner.py" "$data/dev/$f.jsonl" -o "$out/spacy_${f%_dev}.jsonl"
done
python3 "$here/heideltime.py" "$data/dev/meantime_dev.jsonl" -o "$out/heideltime_meantime.jsonl" --resume
python3 "$here/heideltime.py" "$data/dev/te3_tbaq.jsonl" -o "$out/heideltime_te3.jsonl" --resume
systems=heideltime,spacy
[ -x "$repo/target/release/newskg" ] && systems=newskg,$systems
python3 "$repo/eval/run.py" --data "$data" --systems "$systems"
