#!/usr/bin/env python3
"""Drop system mentions that lie outside the part of each MEANTIME document that is fully
annotated, so that a system is not charged with false alarms where gold is incomplete.

Why: MEANTIME annotates every entity, event and time expression only in the title and the
first sentences of each article (about five; in the dev file the last fully annotated item
lies in sentence 1 to 7 of the body, by a rough count). After that, only mentions of the cross-document topic entities and
events are marked, without syntactic type, POS or tense, and no TIMEX3 at all. So for
`timex`, name-only `entities` (--gold-filter syntactic_type=...) and `events`, every correct
mention a system finds later in the article counts as a false alarm.

Gold past the boundary: there is no TIMEX3, no entity with a syntactic type and no participant
link there, but there are events (the topic events, 324 of the 1,405 in meantime_dev), which a
system can find. Scored against the whole gold, a clipped system file therefore loses those hits
and event recall drops below the full-text recall. --gold-output writes the gold clipped at the
same boundary (the same rule applied to the gold layers, and to "values"), so that both sides
are the annotated part; eval/run.py scores the clipped system file against it. For timex,
name-only entities and participants the two golds give the same figures.

Boundary of a document: the end of the sentence that holds the last gold item carrying the
full annotation (a timex; an entity with a non-null syntactic_type; an event with a non-null
"pos"). The sentence end is the first [.!?] (optionally followed by a closing quote or
bracket) followed by whitespace, or a newline, at or after that item, else the end of the
text. System timex/entities/events starting at or after the boundary are dropped, and so are
participants whose event or argument was dropped. Gold documents without any such item
keep nothing (the whole system document is dropped) — none of the MEANTIME dev documents is
like that.

Usage:
  python3 eval/clip_annotated.py GOLD.jsonl SYSTEM.jsonl -o CLIPPED.jsonl [--gold-output GOLD_CLIPPED.jsonl]
"""
import argparse
import json
import re
import sys

END_RE = re.compile(r"[.!?][\"'\u201d)\]]?(?=\s)|\n")


def boundary(gold):
    ends = [t["end"] for t in gold.get("timex") or []]
    ends += [e["end"] for e in gold.get("entities") or [] if e.get("syntactic_type")]
    ends += [e["end"] for e in gold.get("events") or [] if e.get("pos")]
    if not ends:
        return 0
    last = max(ends)
    text = gold.get("text") or ""
    m = END_RE.search(text, max(last - 1, 0))
    return m.end() if m else len(text)


def clip(gold, system, values=False):
    """`system` without the mentions at or after `gold`'s boundary (and participants that lose
    their event or argument); values=True clips the "values" layer too (for clipping gold)."""
    b = boundary(gold)
    out = dict(system)
    kept_ids = set()
    for layer in ("timex", "entities", "events") + (("values",) if values else ()):
        if layer not in system:
            continue
        items = [x for x in system[layer] or [] if int(x["start"]) < b]
        out[layer] = items
        kept_ids.update(str(x["id"]) for x in items if "id" in x)
    if not values:
        for x in system.get("values") or []:
            if "id" in x:
                kept_ids.add(str(x["id"]))
    if "participants" in system:
        out["participants"] = [p for p in system["participants"] or []
                               if str(p.get("event")) in kept_ids and str(p.get("argument")) in kept_ids]
    out["annotated_until"] = b
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("system")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--gold-output", help="also write GOLD clipped at the same boundaries here")
    args = ap.parse_args(argv)
    gold = {}
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                gold[d["id"]] = d
    if args.gold_output:
        with open(args.gold_output, "w", encoding="utf-8") as fh:
            for g in gold.values():
                fh.write(json.dumps(clip(g, g, values=True), ensure_ascii=False) + "\n")
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with out, open(args.system, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            s = json.loads(line)
            g = gold.get(s["id"])
            if g is None:
                continue
            out.write(json.dumps(clip(g, s), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
