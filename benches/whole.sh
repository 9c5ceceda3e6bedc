#!/usr/bin/env bash
# Whole-process benchmarks of newskg on a large JSON Lines corpus (scripts/make_corpus.py):
#   extract to N-Quads with 1 and 2 threads, load into a fresh store, Oxigraph's own bulk load of the same
#   N-Quads (the reference for load), and each saved query on the loaded store (hyperfine, median of runs).
# Wall time and peak memory (max RSS) come from /usr/bin/time -v. Results: target/bench/whole-MB.md.
#
#   benches/whole.sh [MB]          (default 100; needs hyperfine and time: apt-get install hyperfine time)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
OUT=target/bench
BIN="${CARGO_TARGET_DIR:-target}/release/newskg"
mkdir -p "$OUT"
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "benches/whole.sh needs $tool: apt-get install hyperfine time" >&2; exit 2; }
done
cargo build --release --quiet
cargo bench --bench oxigraph_bulk_load --no-run --quiet 2>/dev/null
CORPUS=$OUT/corpus-${MB}mb.jsonl
[ -s "$CORPUS" ] || python3 scripts/make_corpus.py --mb "$MB" -o "$CORPUS"
chars=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text']) for l in open(sys.argv[1], encoding='utf-8')))" "$CORPUS")
articles=$(wc -l < "$CORPUS")
REPORT=$OUT/whole-${MB}mb.md

# One measured run: label, then the command. Appends "label | wall s | max RSS MB | chars/s" to the report.
measure() {
  local label=$1; shift
  /usr/bin/time -v -o "$OUT/time.txt" "$@" > "$OUT/stdout.txt"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$OUT/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/time.txt")
  printf '| %s | %.1f | %s | %.0f |\n' "$label" "$wall" "$rss" "$(echo "$chars / $wall" | bc -l)" | tee -a "$REPORT"
}

{
  echo "# Whole-process benchmarks, $(date -u +%Y-%m-%d), corpus $CORPUS ($articles articles, $chars characters)"
  echo
  echo "| run | wall s | peak RSS MB | chars/s |"
  echo "| --- | --- | --- | --- |"
} > "$REPORT"
measure "extract -j 1 to N-Quads" "$BIN" extract -q -j 1 -f nquads -o "$OUT/corpus.nq" "$CORPUS"
measure "extract -j 2 to N-Quads" "$BIN" extract -q -j 2 -f nquads -o "$OUT/corpus-j2.nq" "$CORPUS"
cmp "$OUT/corpus.nq" "$OUT/corpus-j2.nq" && echo "(outputs of -j 1 and -j 2 are byte-identical)" | tee -a "$REPORT"
rm -f "$OUT/corpus-j2.nq"
rm -rf "$OUT/store" "$OUT/oxstore"
measure "load -j 2 --compact never into a fresh store" "$BIN" load -q -j 2 --compact never --store "$OUT/store" "$CORPUS"
measure "Oxigraph bulk load of the N-Quads, no optimize (reference for the line above)" cargo bench --quiet --bench oxigraph_bulk_load -- "$OUT/corpus.nq" "$OUT/oxstore" --no-optimize
rm -rf "$OUT/store" "$OUT/oxstore"
measure "load -j 2 into a fresh store" "$BIN" load -q -j 2 --store "$OUT/store" "$CORPUS"
# The reference prints its bulk load's seconds and those with Store::optimize (newskg's load compacts a fresh store).
measure "Oxigraph bulk load of the N-Quads, then optimize (reference)" cargo bench --quiet --bench oxigraph_bulk_load -- "$OUT/corpus.nq" "$OUT/oxstore"
echo "(reference: $(tail -1 "$OUT/stdout.txt"))" | tee -a "$REPORT"
echo >> "$REPORT"
echo "Saved queries on the loaded store (hyperfine, 5 runs, process start included):" >> "$REPORT"
echo >> "$REPORT"
# Each saved query with the parameters a user would give (names and roles of the example articles).
args=()
while read -r q params; do
  args+=(-n "$q $params" "$BIN query $q $params --store $OUT/store -f csv")
done <<'QUERIES'
about-person -p person=Witkoff
articles-with-both -p first=Putin -p second=Trump
event-sources -p article=<https://w3id.org/newskg/id/article/c0-putin-witkoff-2025-03-14>
people -p person=Putin
people-with-role -p role=envoy
roles-of-person -p person=Peskov
time-expressions -p article=<https://w3id.org/newskg/id/article/c0-putin-witkoff-2025-03-14>
timeline -p person=Putin
who-met-whom -p person=Putin
QUERIES
hyperfine -N --warmup 1 --runs 5 --export-markdown "$OUT/queries.md" "${args[@]}" > /dev/null
cat "$OUT/queries.md" >> "$REPORT"
cat "$REPORT"
