#!/usr/bin/env python3
"""Build a large JSON Lines corpus for benchmarks, repeatably: the texts of the development files
(../shared/eval/dev/*.jsonl, when present) and of examples/articles/*.txt, repeated in a fixed order with unique
ids until the corpus reaches the requested size.

  python3 scripts/make_corpus.py --mb 100 -o target/bench/corpus-100mb.jsonl
  python3 scripts/make_corpus.py --mb 1000 -o target/bench/corpus-1gb.jsonl --dev /path/to/dev

Each line: {"id": "c{copy}-{source id}", "date": "YYYY-MM-DD" (the source's publication date), "text": ...}.
The same arguments give the same file, byte for byte.
"""
import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATELINE = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                      r" (\d{1,2}), (\d{4})\b")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def sources(dev_dir):
    """(id, date, text) of every source document, in a fixed order."""
    out = []
    if dev_dir and dev_dir.is_dir():
        for path in sorted(dev_dir.glob("*.jsonl")):
            if path.name == "roles_dev.jsonl":  # the same texts as meantime + gum
                continue
            for line in path.open(encoding="utf-8"):
                d = json.loads(line)
                date = d.get("dct") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.get("dct") or "") else None
                out.append((d["id"], date, d["text"]))
    for path in sorted((REPO / "examples" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        m = DATELINE.search(text)
        date = f"{m.group(3)}-{MONTHS.index(m.group(1)) + 1:02d}-{int(m.group(2)):02d}" if m else None
        out.append((path.stem, date, text))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100, help="target size in MB (10^6 bytes)")
    ap.add_argument("-o", "--output", type=Path, required=True)
    default_dev = REPO.parent / "shared" / "eval" / "dev"
    ap.add_argument("--dev", type=Path, default=default_dev, help=f"dev JSONL folder (default {default_dev})")
    args = ap.parse_args()
    docs = sources(args.dev)
    if not docs:
        sys.exit("no source texts found")
    target = int(args.mb * 1_000_000)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    size = copies = n = 0
    with args.output.open("w", encoding="utf-8") as out:
        while size < target:
            for doc_id, date, text in docs:
                record = {"id": f"c{copies}-{doc_id}", "text": text}
                if date:
                    record["date"] = date
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                n += 1
                if size >= target:
                    break
            copies += 1
    print(f"{args.output}: {n} articles, {size / 1e6:.1f} MB, {len(docs)} distinct texts", file=sys.stderr)


if __name__ == "__main__":
    main()
